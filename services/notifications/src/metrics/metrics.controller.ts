import { Controller, Get, Res } from '@nestjs/common';
import { EmailMetrics } from './email-metrics';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** Prometheus scrapes this; it carries counts and timings only, never an address or a body. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: EmailMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: HeaderReply): Promise<string> {
    reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
