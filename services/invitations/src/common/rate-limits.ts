import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import { DATABASE } from '@onramp/persistence';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { InvitationsConfig } from '../config/invitations-config';
import type { PrismaClient } from '../generated/prisma/client';

export type LimitedAction = 'token' | 'resend' | 'redeem' | 'register';

/**
 * Attempts per key, counted in the database so every replica sees the same count: a token guessed
 * or tried too often, an invitation resent too often, a user guessing joining codes.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<LimitedAction, RateLimiterPrisma>;

  constructor(
    @Inject(DATABASE) database: PrismaClient,
    @Inject(SERVICE_CONFIG) config: InvitationsConfig,
  ) {
    // The limiters share one table, and a limiter's sweep of expired rows clears the whole table
    // whatever the prefix: one sweep timer (token's) does for all four.
    const limiter = (keyPrefix: string, points: number, duration: number, sweeps = false) =>
      new RateLimiterPrisma({
        storeClient: database,
        tableName: 'rateLimit',
        keyPrefix,
        points,
        duration,
        clearExpiredByTimeout: sweeps,
      });
    this.limiters = {
      token: limiter('token', config.INVITATION_TOKEN_ATTEMPTS, 15 * 60, true),
      resend: limiter('resend', config.INVITATION_RESENDS_PER_HOUR, 60 * 60),
      redeem: limiter('redeem', config.JOINING_CODE_ATTEMPTS, 15 * 60),
      register: limiter('register', config.JOINING_CODE_ATTEMPTS, 15 * 60),
    };
  }

  /** Counts one attempt; "rate_limited" with the seconds to wait once the key is over its limit. */
  async consume(action: LimitedAction, key: string): Promise<void> {
    try {
      await this.limiters[action].consume(key);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      throw DomainError.rateLimited(
        'too many attempts; try again later',
        Math.ceil(outcome.msBeforeNext / 1000),
      );
    }
  }
}
