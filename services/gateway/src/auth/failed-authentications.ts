import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { GatewayEnv } from '../gateway-env';

/**
 * Counts refused credentials per client IP. The general limit is kept per credential, so someone
 * trying a new random token or key on every request would never meet it; this limit would.
 * Counted per gateway replica, like the other limits.
 */
@Injectable()
export class FailedAuthentications {
  private readonly failures: RateLimiterMemory;

  constructor(@Inject(SERVICE_CONFIG) env: GatewayEnv) {
    this.failures = new RateLimiterMemory({ points: env.FAILED_AUTH_PER_MINUTE, duration: 60 });
  }

  /** Refuses an address that has used up its failures, before its credential is even checked. */
  async assertAllowed(ip: string): Promise<void> {
    const record = await this.failures.get(ip);
    if (record !== null && record.remainingPoints <= 0) {
      throw DomainError.rateLimited(
        'too many refused credentials from this address; try again later',
        record.msBeforeNext / 1000,
      );
    }
  }

  async record(ip: string): Promise<void> {
    await this.failures.penalty(ip, 1);
  }
}
