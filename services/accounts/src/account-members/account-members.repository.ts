import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** A membership as identity last described it, and whether that description was a revocation. */
export interface MembershipChange {
  membershipId: string;
  userId: string;
  accountIds: string[];
  roles: string[];
  revoked: boolean;
  changedAt: Date;
}

/** Which users belong to which accounts, one row per identity membership. */
@Injectable()
export class AccountMembersRepository {
  /**
   * Applies a grant, update or revocation whatever order they arrive in: a revocation is final,
   * and a grant or update older than what is stored changes nothing. Two consumers creating the
   * same membership at once collide on the primary key; the loser's message is redelivered and
   * then finds the row.
   */
  async apply(transaction: Transaction, change: MembershipChange): Promise<void> {
    const { membershipId, ...data } = change;
    const stored = await transaction.accountMembership.findUnique({ where: { membershipId } });
    if (stored === null) {
      await transaction.accountMembership.create({ data: change });
      return;
    }
    if (stored.revoked) return;
    if (!change.revoked && stored.changedAt > change.changedAt) return;
    await transaction.accountMembership.update({ where: { membershipId }, data });
  }

  /** Erasure: the user's memberships (revoked ones included) go. */
  async eraseUser(transaction: Transaction, userId: string): Promise<void> {
    await transaction.accountMembership.deleteMany({ where: { userId } });
  }
}
