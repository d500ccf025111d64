import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ReadinessRegistry } from './readiness-registry';

const PROBE_TIMEOUT_MS = 2_000;

interface StatusReply {
  status(code: number): unknown;
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
  ) {}

  /** Liveness: the process runs its event loop. Dependencies are deliberately not checked. */
  @Get('live')
  live(@Res({ passthrough: true }) reply: StatusReply): Promise<HealthCheckResult> {
    return this.answer(reply, []);
  }

  /** Readiness: every registered dependency answers, and the process is not shutting down. */
  @Get('ready')
  ready(@Res({ passthrough: true }) reply: StatusReply): Promise<HealthCheckResult> {
    const checks = this.registry.entries().map(
      ([name, probe]) =>
        () =>
          this.probe(name, probe),
    );
    checks.push(() => this.shutdownCheck());
    return this.answer(reply, checks);
  }

  private async answer(
    reply: StatusReply,
    checks: (() => Promise<HealthIndicatorResult>)[],
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        reply.status(HttpStatus.SERVICE_UNAVAILABLE);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }

  private async probe(name: string, probe: () => Promise<void>): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
            PROBE_TIMEOUT_MS,
          );
        }),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  private shutdownCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('process');
    return Promise.resolve(
      this.registry.isDraining() ? indicator.down({ message: 'shutting down' }) : indicator.up(),
    );
  }
}
