import { Controller, Get, Global, Module, Res } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Prometheus scrapes this on the health port; metrics carry counts and timings, never personal data. */
@Controller('metrics')
class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: HeaderReply): Promise<string> {
    reply.header('content-type', this.registry.contentType);
    return this.registry.metrics();
  }
}

/**
 * One Prometheus registry per application, injectable as prom-client's `Registry`, where every
 * piece of a service registers its metrics. Not prom-client's global registry, so several
 * instances in one process (replicas in tests) never register the same metric twice.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
  ],
  exports: [Registry],
})
export class MetricsModule {}
