import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope, MembershipShape } from '@onramp/authz';
import { DomainError } from '@onramp/errors';
import { containsText, DATABASE, insertRows, isUniqueViolation } from '@onramp/persistence';
import { Prisma, type PrismaClient, type User } from '../generated/prisma/client';
import { AccountTree } from '@onramp/account-tree';
import { membershipColumns } from '../memberships/membership-columns';
import type { UserCursor } from './user-cursor';
import type { UserStatus } from './user-fields';
import type { UserWithMemberships } from './user-message';

type Transaction = Prisma.TransactionClient;
/** Work that must commit with the change (the outbox append). */
type AlsoInTransaction<T> = (transaction: Transaction, value: T) => Promise<void>;

export interface NewUser {
  email: string;
  name: string;
  language: string;
  status: UserStatus;
  passwordHash?: string;
  memberships: readonly MembershipShape[];
  /** Given by imports; "" and null when not. */
  gender?: string;
  externalId?: string | null;
}

export interface UserFilter {
  visibleTo: { userId: string; scope: AccessScope };
  status?: string;
  role?: string;
  /** Staff (with a platform membership) or customers' users (without one). */
  platform?: boolean;
  /** Users with a membership in this account or in one below it. */
  accountId?: string;
  query?: string;
  after?: UserCursor;
  limit: number;
}

const withMemberships = { memberships: { orderBy: { createdAt: 'asc' } } } as const;

/** A new user's row, every column. */
function preparedUser(data: NewUser, now: Date): User {
  return {
    id: randomUUID(),
    email: data.email,
    name: data.name,
    language: data.language,
    status: data.status,
    gender: data.gender ?? '',
    externalId: data.externalId ?? null,
    createdAt: now,
    activatedAt: data.status === 'active' ? now : null,
    lastLoginAt: null,
  };
}

function userColumns(user: User): User {
  const { id, email, name, language, status, gender, externalId } = user;
  const { createdAt, activatedAt, lastLoginAt } = user;
  return {
    id,
    email,
    name,
    language,
    status,
    gender,
    externalId,
    createdAt,
    activatedAt,
    lastLoginAt,
  };
}

function preparedMemberships(data: NewUser, now: Date) {
  return data.memberships.map((membership) => ({
    id: randomUUID(),
    ...membershipColumns(membership),
    createdAt: now,
  }));
}

// Set at bootstrap so that replicas starting together create the first admin once.
const FIRST_USER_LOCK = 'onramp-identity:first-user';

@Injectable()
export class UsersRepository {
  constructor(
    @Inject(DATABASE) private readonly database: PrismaClient,
    private readonly lineages: AccountTree,
  ) {}

  findById(id: string): Promise<UserWithMemberships | null> {
    return this.database.user.findUnique({ where: { id }, include: withMemberships });
  }

  async create(
    data: NewUser,
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships> {
    return this.translateConflicts(() =>
      this.database.$transaction((transaction) =>
        this.insert(transaction, data, alsoInTransaction),
      ),
    );
  }

  /** Creates the user only when there is no user at all; undefined when there was one. */
  createIfNoUserExists(
    data: NewUser,
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships | undefined> {
    return this.database.$transaction(async (transaction) => {
      await transaction.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${FIRST_USER_LOCK}))`;
      if ((await transaction.user.count()) > 0) return undefined;
      return this.insert(transaction, data, alsoInTransaction);
    });
  }

  update(
    id: string,
    data: { name?: string; language?: string; email?: string; gender?: string },
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships> {
    return this.translateConflicts(() =>
      this.database.$transaction(async (transaction) => {
        const user = await transaction.user.update({
          where: { id },
          data,
          include: withMemberships,
        });
        await alsoInTransaction(transaction, user);
        return user;
      }),
    );
  }

  /** Deactivation revokes every session in the same transaction: access tokens die with it. */
  deactivate(
    id: string,
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships> {
    return this.database.$transaction(async (transaction) => {
      const user = await transaction.user.update({
        where: { id },
        data: { status: 'deactivated' },
        include: withMemberships,
      });
      await transaction.session.updateMany({
        where: { userId: id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await alsoInTransaction(transaction, user);
      return user;
    });
  }

  reactivate(
    id: string,
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships> {
    return this.database.$transaction(async (transaction) => {
      const user = await transaction.user.update({
        where: { id },
        data: { status: 'active' },
        include: withMemberships,
      });
      await alsoInTransaction(transaction, user);
      return user;
    });
  }

  /**
   * Erasure: credentials, sessions, memberships, reset tokens and login records go with the row
   * (foreign keys cascade); API keys the user created stay, without their creator. With `status`,
   * only a user still in that status is erased. False when there was no such user to erase.
   */
  erase(
    user: { id: string; email: string },
    alsoInTransaction: AlsoInTransaction<void>,
    status?: UserStatus,
  ): Promise<boolean> {
    return this.database.$transaction(async (transaction) => {
      const { count } = await transaction.user.deleteMany({ where: { id: user.id, status } });
      if (count === 0) return false;
      await transaction.loginThrottle.deleteMany({ where: { email: user.email } });
      await alsoInTransaction(transaction, undefined);
      return true;
    });
  }

  /** pending_approval becomes active; null when the user is not (or no longer) pending. */
  activatePending(
    id: string,
    alsoInTransaction: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships | null> {
    return this.database.$transaction(async (transaction) => {
      const { count } = await transaction.user.updateMany({
        where: { id, status: 'pending_approval' },
        data: { status: 'active', activatedAt: new Date() },
      });
      if (count === 0) return null;
      const user = await transaction.user.findUniqueOrThrow({
        where: { id },
        include: withMemberships,
      });
      await alsoInTransaction(transaction, user);
      return user;
    });
  }

  /** One page in (created_at, id) order, plus one more row to tell whether a next page exists. */
  async list(filter: UserFilter): Promise<UserWithMemberships[]> {
    const conditions: Prisma.UserWhereInput[] = [await this.visibility(filter.visibleTo)];
    if (filter.status !== undefined) conditions.push({ status: filter.status });
    if (filter.role !== undefined)
      conditions.push({ memberships: { some: { roles: { has: filter.role } } } });
    if (filter.platform !== undefined) {
      const staff: Prisma.UserWhereInput = { memberships: { some: { platform: true } } };
      conditions.push(filter.platform ? staff : { NOT: staff });
    }
    if (filter.accountId !== undefined) {
      // An account's users include those of its sub-accounts, at any depth.
      const accountIds = await this.lineages.subtreesOf([filter.accountId]);
      conditions.push({ memberships: { some: { accountIds: { hasSome: accountIds } } } });
    }
    if (filter.query !== undefined) {
      const matches = containsText(filter.query);
      conditions.push({ OR: [{ name: matches }, { email: matches }] });
    }
    if (filter.after !== undefined) {
      const { createdAt, id } = filter.after;
      conditions.push({ OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] });
    }
    return this.database.user.findMany({
      where: { AND: conditions },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit + 1,
      include: withMemberships,
    });
  }

  /** Creates the user (with its credential and memberships) inside the caller's transaction. */
  async insert(
    transaction: Transaction,
    data: NewUser,
    alsoInTransaction?: AlsoInTransaction<UserWithMemberships>,
  ): Promise<UserWithMemberships> {
    const user = await transaction.user.create({
      data: {
        ...userColumns(preparedUser(data, new Date())),
        credential:
          data.passwordHash === undefined
            ? undefined
            : { create: { passwordHash: data.passwordHash } },
        memberships: { create: preparedMemberships(data, new Date()) },
      },
      include: withMemberships,
    });
    await alsoInTransaction?.(transaction, user);
    return user;
  }

  /**
   * New users as `insert` would write them, with their ids, to be written later by `insertMany`
   * (a bulk import writes a chunk's new users in a few statements).
   */
  prepare(data: NewUser): { user: UserWithMemberships; passwordHash?: string } {
    const now = new Date();
    const user = preparedUser(data, now);
    return {
      user: {
        ...user,
        memberships: preparedMemberships(data, now).map((membership) => ({
          ...membership,
          userId: user.id,
        })),
      },
      passwordHash: data.passwordHash,
    };
  }

  /** Writes prepared users, their credentials and memberships, one statement a table. */
  async insertMany(
    transaction: Transaction,
    prepared: readonly { user: UserWithMemberships; passwordHash?: string }[],
  ): Promise<void> {
    const now = new Date();
    await insertRows(
      transaction,
      '"identity"."users"',
      prepared.map(({ user }) => userColumns(user)),
    );
    await insertRows(
      transaction,
      '"identity"."credentials"',
      prepared.flatMap(({ user, passwordHash }) =>
        passwordHash === undefined ? [] : [{ userId: user.id, passwordHash, updatedAt: now }],
      ),
    );
    await insertRows(
      transaction,
      '"identity"."memberships"',
      prepared.flatMap(({ user }) => user.memberships),
    );
  }

  /** Users in the caller's accounts or any account below them, and the caller themself. */
  private async visibility({
    userId,
    scope,
  }: UserFilter['visibleTo']): Promise<Prisma.UserWhereInput> {
    if (scope.everywhere) return {};
    const accountIds = await this.lineages.subtreesOf(scope.accountIds);
    const inScope: Prisma.UserWhereInput = {
      memberships: { some: { accountIds: { hasSome: accountIds } } },
    };
    return userId === '' ? inScope : { OR: [{ id: userId }, inScope] };
  }

  private async translateConflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', 'a user with this email already exists', [
          { field: 'email', message: 'is already in use' },
        ]);
      }
      throw error;
    }
  }
}
