import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { Prisma, PrismaClient, User } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

@Injectable()
export class PasswordResetRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** Runs `work` (the outbox append of a request) in a transaction of its own. */
  inTransaction(work: (transaction: Transaction) => Promise<unknown>): Promise<void> {
    return this.database.$transaction(async (transaction) => {
      await work(transaction);
    });
  }

  findActiveUserByEmail(transaction: Transaction, email: string): Promise<User | null> {
    return transaction.user.findFirst({ where: { email, status: 'active' } });
  }

  /** Stores a new token; any older unused one stops working, so only the latest link counts. */
  async replaceToken(
    transaction: Transaction,
    token: { userId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await transaction.passwordResetToken.deleteMany({
      where: { userId: token.userId, usedAt: null },
    });
    await transaction.passwordResetToken.create({ data: token });
  }

  /** The user a token resets, if the token is unused, unexpired and the user still active. */
  async userOfValidToken(tokenHash: string): Promise<User | null> {
    const token = await this.database.passwordResetToken.findFirst({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() }, user: { status: 'active' } },
      include: { user: true },
    });
    return token?.user ?? null;
  }

  /**
   * Uses the token (once: a second, concurrent use finds it claimed and changes nothing), sets
   * the password, and ends every session and the login back-off of the user.
   */
  consume(
    tokenHash: string,
    user: User,
    passwordHash: string,
    alsoInTransaction: (transaction: Transaction) => Promise<unknown>,
  ): Promise<boolean> {
    return this.database.$transaction(async (transaction) => {
      const now = new Date();
      const claimed = await transaction.passwordResetToken.updateMany({
        where: { tokenHash, userId: user.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return false;
      await transaction.credential.upsert({
        where: { userId: user.id },
        create: { userId: user.id, passwordHash },
        update: { passwordHash },
      });
      await transaction.session.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: now },
      });
      await transaction.loginThrottle.deleteMany({ where: { email: user.email } });
      await alsoInTransaction(transaction);
      return true;
    });
  }
}
