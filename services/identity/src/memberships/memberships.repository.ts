import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MembershipShape } from '@onramp/authz';
import { DATABASE, isRecordMissing } from '@onramp/persistence';
import type { Membership, Prisma, PrismaClient } from '../generated/prisma/client';
import { membershipColumns } from './membership-columns';

type AlsoInTransaction = (
  transaction: Prisma.TransactionClient,
  membership: Membership,
) => Promise<unknown>;

@Injectable()
export class MembershipsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  findById(id: string): Promise<Membership | null> {
    return this.database.membership.findUnique({ where: { id } });
  }

  create(userId: string, shape: MembershipShape, also: AlsoInTransaction): Promise<Membership> {
    return this.database.$transaction(async (transaction) => {
      const membership = await transaction.membership.create({
        data: { id: randomUUID(), userId, ...membershipColumns(shape) },
      });
      await also(transaction, membership);
      return membership;
    });
  }

  /** The updated membership; null when it is gone (revoked meanwhile). */
  update(id: string, shape: MembershipShape, also: AlsoInTransaction): Promise<Membership | null> {
    return nullWhenMissing(
      this.database.$transaction(async (transaction) => {
        const membership = await transaction.membership.update({
          where: { id },
          data: membershipColumns(shape),
        });
        await also(transaction, membership);
        return membership;
      }),
    );
  }

  /** The deleted membership; null when it was already gone (a concurrent revoke won). */
  delete(id: string, also: AlsoInTransaction): Promise<Membership | null> {
    return nullWhenMissing(
      this.database.$transaction(async (transaction) => {
        const membership = await transaction.membership.delete({ where: { id } });
        await also(transaction, membership);
        return membership;
      }),
    );
  }
}

async function nullWhenMissing<Row>(change: Promise<Row>): Promise<Row | null> {
  try {
    return await change;
  } catch (error) {
    if (isRecordMissing(error)) return null;
    throw error;
  }
}
