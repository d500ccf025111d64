import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { RetryLater } from '@onramp/messaging';
import { DATABASE } from '@onramp/persistence';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { NotificationsConfig } from '../config/notifications-config';
import type { ProviderName } from '../email/provider-client';
import type { PrismaClient } from '../generated/prisma/client';
import { EmailMetrics } from '../metrics/email-metrics';

/**
 * A send waits for its turn inside its handler at most this long. The handler holds the consumer's
 * transaction meanwhile (Prisma ends an interactive transaction after 5 s), so a longer wait goes
 * back to JetStream instead (RetryLater), where the message costs nothing while it waits.
 */
export const MAX_WAIT_IN_HANDLER_MS = 2_000;
// Waiters spread over the first moments of the next window rather than all at its first millisecond.
const WAKE_SPREAD_MS = 50;

export type Turn = { granted: true } | { granted: false; retryInMs: number };

/**
 * A fixed-window counter per key in the provider_rate_limits table (rate-limiter-flexible's
 * RateLimiterPrisma): every replica on the database counts against the same row, so the limit
 * holds for the installation, not per replica.
 */
export class SharedRateLimit {
  private readonly limiter: RateLimiterPrisma;

  constructor(database: PrismaClient, options: { perWindow: number; windowMs: number }) {
    this.limiter = new RateLimiterPrisma({
      storeClient: database,
      tableName: 'providerRateLimit',
      keyPrefix: 'email',
      points: options.perWindow,
      duration: options.windowMs / 1000,
      // One row per provider, replaced by the next consume once expired: nothing to sweep, and no
      // timer left running after the database client is closed.
      clearExpiredByTimeout: false,
    });
  }

  /** Counts one send for `key` and says whether it fits in the current window. */
  async take(key: string): Promise<Turn> {
    try {
      await this.limiter.consume(key);
      return { granted: true };
    } catch (rejection) {
      // The limiter rejects with its verdict when over the limit; anything else is a real failure.
      if (rejection instanceof RateLimiterRes)
        return { granted: false, retryInMs: rejection.msBeforeNext };
      throw rejection;
    }
  }
}

/** EMAIL_RATE_LIMIT_PER_SECOND per provider, for the whole installation. */
@Injectable()
export class ProviderRateLimit {
  private readonly limit?: SharedRateLimit;

  constructor(
    @Inject(DATABASE) database: PrismaClient,
    @Inject(SERVICE_CONFIG) config: NotificationsConfig,
    private readonly metrics: EmailMetrics,
  ) {
    const perSecond = config.EMAIL_RATE_LIMIT_PER_SECOND;
    if (perSecond > 0)
      this.limit = new SharedRateLimit(database, { perWindow: perSecond, windowMs: 1_000 });
  }

  /**
   * Resolves when an email may go to `provider` now. Over the limit, it waits for the next window
   * while that is near; otherwise it throws RetryLater, so the event comes back when it is due. An
   * email is never dropped for the limit, only later.
   */
  async waitForTurn(provider: ProviderName): Promise<void> {
    if (this.limit === undefined) return;
    const started = performance.now();
    for (;;) {
      const turn = await this.limit.take(provider);
      if (turn.granted) return;
      this.metrics.rateLimited.inc({ provider });
      const delay = turn.retryInMs + Math.random() * WAKE_SPREAD_MS;
      if (performance.now() - started + delay > MAX_WAIT_IN_HANDLER_MS)
        throw new RetryLater(`the ${provider} rate limit is reached`, delay);
      await sleep(delay);
    }
  }
}
