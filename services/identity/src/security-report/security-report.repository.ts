import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { LoginAttempt, Prisma, PrismaClient, Session } from '../generated/prisma/client';

export interface SecurityFacts {
  recentLogins: LoginAttempt[];
  activeSessions: Session[];
}

const RECENT_LOGINS = 20;

@Injectable()
export class SecurityReportRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** Reads the facts and runs `alsoInTransaction` (the event) in one transaction. */
  collect(
    userId: string,
    alsoInTransaction: (
      transaction: Prisma.TransactionClient,
      facts: SecurityFacts,
    ) => Promise<void>,
  ): Promise<void> {
    return this.database.$transaction(async (transaction) => {
      const recentLogins = await transaction.loginAttempt.findMany({
        where: { userId },
        orderBy: { at: 'desc' },
        take: RECENT_LOGINS,
      });
      const activeSessions = await transaction.session.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { lastUsedAt: 'desc' },
      });
      await alsoInTransaction(transaction, { recentLogins, activeSessions });
    });
  }
}
