import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MembershipShape } from '@onramp/authz';
import type { FieldViolation } from '@onramp/errors';
import { DATABASE, insertRows, modelRows } from '@onramp/persistence';
import type {
  Membership,
  Prisma,
  PrismaClient,
  User,
  UserImportRow,
} from '../generated/prisma/client';
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
    const rows = modelRows<UserImportRow>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "identity"."user_import_rows"
         WHERE import_id = ${importId} AND line = ANY(${[...lines]}::int[])`,
    );
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
  async usersMatching(
    emails: readonly string[],
    externalIds: readonly string[],
  ): Promise<UserWithMemberships[]> {
    const users = modelRows<User>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "identity"."users"
         WHERE email = ANY(${[...emails]}::text[]) OR external_id = ANY(${[...externalIds]}::text[])`,
    );
    if (users.length === 0) return [];
    const memberships = modelRows<Membership>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "identity"."memberships"
         WHERE user_id = ANY(${users.map((user) => user.id)}::uuid[]) ORDER BY created_at`,
    );
    return users.map((user) => ({
      ...user,
      memberships: memberships.filter((membership) => membership.userId === user.id),
    }));
  }

  /** Runs a row's writes and its record in one transaction. */
  inTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** A new user with its id, to be written by createUsers. */
  prepareUser(user: NewUser) {
    return this.users.prepare(user);
  }

  createUsers(
    transaction: Transaction,
    prepared: readonly { user: UserWithMemberships; passwordHash?: string }[],
  ): Promise<void> {
    return this.users.insertMany(transaction, prepared);
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

  /** Records rows' outcomes in one statement. */
  async record(transaction: Transaction, importId: string, records: readonly RowRecord[]) {
    const createdAt = new Date();
    await insertRows(
      transaction,
      '"identity"."user_import_rows"',
      records.map(({ line, outcome, userId, violations }) => ({
        importId,
        line,
        outcome,
        userId,
        violations,
        createdAt,
      })),
    );
  }
}
