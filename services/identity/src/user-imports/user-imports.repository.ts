import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MembershipShape } from '@onramp/authz';
import type { FieldViolation } from '@onramp/errors';
import { DATABASE } from '@onramp/persistence';
import type { Membership, Prisma, PrismaClient } from '../generated/prisma/client';
import { membershipColumns } from '../memberships/membership-columns';
import type { UserWithMemberships } from '../users/user-message';
import { UsersRepository, type NewUser } from '../users/users.repository';

export type Transaction = Prisma.TransactionClient;

export type RecordedOutcome = 'created' | 'updated' | 'skipped' | 'invalid' | 'failed';

export interface RowRecord {
  line: number;
  outcome: RecordedOutcome;
  userId: string | null;
  violations: FieldViolation[];
}

export interface UserChanges {
  name?: string;
  language?: string;
  gender?: string;
  externalId?: string;
}

const withMemberships = { memberships: { orderBy: { createdAt: 'asc' } } } as const;

/** The reads and writes of a chunk of imported users, and the record of every row. */
@Injectable()
export class UserImportsRepository {
  constructor(
    @Inject(DATABASE) private readonly database: PrismaClient,
    private readonly users: UsersRepository,
  ) {}

  /** The rows of this import recorded before, by line: one query for the chunk. */
  async recordedRows(importId: string, lines: readonly number[]): Promise<Map<number, RowRecord>> {
    const rows = await this.database.userImportRow.findMany({
      where: { importId, line: { in: [...lines] } },
    });
    return new Map(
      rows.map((row) => [
        row.line,
        {
          line: row.line,
          outcome: row.outcome as RecordedOutcome,
          userId: row.userId,
          violations: row.violations as unknown as FieldViolation[],
        },
      ]),
    );
  }

  /** Every user holding one of these emails or external ids: one query for the chunk. */
  usersMatching(
    emails: readonly string[],
    externalIds: readonly string[],
  ): Promise<UserWithMemberships[]> {
    return this.database.user.findMany({
      where: { OR: [{ email: { in: [...emails] } }, { externalId: { in: [...externalIds] } }] },
      include: withMemberships,
    });
  }

  /** Runs a row's writes and its record in one transaction. */
  inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  createUser(transaction: Transaction, user: NewUser): Promise<UserWithMemberships> {
    return this.users.insert(transaction, user);
  }

  changeUser(
    transaction: Transaction,
    userId: string,
    changes: UserChanges,
  ): Promise<UserWithMemberships> {
    return transaction.user.update({
      where: { id: userId },
      data: changes,
      include: withMemberships,
    });
  }

  grant(transaction: Transaction, userId: string, shape: MembershipShape): Promise<Membership> {
    return transaction.membership.create({
      data: { id: randomUUID(), userId, ...membershipColumns(shape) },
    });
  }

  async record(transaction: Transaction, importId: string, record: RowRecord): Promise<void> {
    await transaction.userImportRow.create({
      data: {
        importId,
        line: record.line,
        outcome: record.outcome,
        userId: record.userId,
        violations: record.violations as unknown as Prisma.InputJsonValue,
      },
    });
  }
}
