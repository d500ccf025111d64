import { Injectable } from '@nestjs/common';
import { isUuid } from '@onramp/contracts';
import type { Prisma } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

@Injectable()
export class UserDirectoryRepository {
  /**
   * A new user. A status change applied before it (see the schema) keeps its status when it is
   * the newer one; the creation fills in email and name.
   */
  async record(
    transaction: Transaction,
    user: { userId: string; email: string; name: string; status: string; at: Date },
  ): Promise<void> {
    if (!isUuid(user.userId)) return;
    await transaction.$executeRaw`
      INSERT INTO "accounts"."user_directory" (user_id, email, name, status, status_changed_at)
      VALUES (${user.userId}::uuid, ${user.email}, ${user.name}, ${user.status}, ${user.at})
      ON CONFLICT (user_id) DO UPDATE
        SET email = excluded.email,
            name = excluded.name,
            status = CASE WHEN user_directory.status_changed_at > excluded.status_changed_at
                          THEN user_directory.status ELSE excluded.status END,
            status_changed_at = GREATEST(user_directory.status_changed_at, excluded.status_changed_at)
        WHERE user_directory.email = ''`;
  }

  async update(
    transaction: Transaction,
    user: { userId: string; email: string; name: string },
  ): Promise<void> {
    await transaction.directoryUser.updateMany({
      where: { userId: user.userId, NOT: { email: '' } },
      data: { email: user.email, name: user.name },
    });
  }

  /** Applies a status change unless a newer one is already known. */
  async setStatus(
    transaction: Transaction,
    userId: string,
    status: string,
    at: Date,
  ): Promise<void> {
    if (!isUuid(userId)) return;
    await transaction.$executeRaw`
      INSERT INTO "accounts"."user_directory" (user_id, email, name, status, status_changed_at)
      VALUES (${userId}::uuid, '', '', ${status}, ${at})
      ON CONFLICT (user_id) DO UPDATE
        SET status = excluded.status, status_changed_at = excluded.status_changed_at
        WHERE user_directory.status_changed_at IS NULL
           OR user_directory.status_changed_at <= excluded.status_changed_at`;
  }

  async erase(transaction: Transaction, userId: string): Promise<void> {
    await transaction.directoryUser.deleteMany({ where: { userId } });
  }
}
