import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MembershipShape } from '@onramp/authz';
import { DATABASE } from '@onramp/persistence';
import {
  Prisma,
  type Membership,
  type PrismaClient,
  type UserProvisioning,
} from '../generated/prisma/client';
import { membershipColumns } from '../memberships/membership-columns';
import type { UserStatus } from '../users/user-fields';
import type { UserWithMemberships } from '../users/user-message';
import { UsersRepository, type NewUser } from '../users/users.repository';

export type Transaction = Prisma.TransactionClient;

/** A user as provisioning must know them: with memberships, and whether they have a password. */
export type ProvisioningCandidate = UserWithMemberships & { credential: { userId: string } | null };

const candidate = {
  memberships: { orderBy: { createdAt: 'asc' } },
  credential: { select: { userId: true } },
} as const;

// Namespaces the advisory locks taken per idempotency key.
const KEY_LOCK_PREFIX = 'onramp-identity:provision:';

/** The provisioning record of each idempotency key and the writes a provisioning makes. */
@Injectable()
export class ProvisioningRepository {
  constructor(
    @Inject(DATABASE) private readonly database: PrismaClient,
    private readonly users: UsersRepository,
  ) {}

  findRecord(
    idempotencyKey: string,
    transaction: Transaction = this.database,
  ): Promise<UserProvisioning | null> {
    return transaction.userProvisioning.findUnique({ where: { idempotencyKey } });
  }

  /**
   * Runs `work` in a transaction holding a lock on the key: of two calls with one key, the second
   * waits until the first has committed (or failed) and then sees its record.
   */
  underKeyLock<T>(idempotencyKey: string, work: (transaction: Transaction) => Promise<T>) {
    return this.database.$transaction(async (transaction) => {
      await transaction.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${KEY_LOCK_PREFIX + idempotencyKey}))`;
      return work(transaction);
    });
  }

  async hasPassword(email: string): Promise<boolean> {
    const user = await this.database.user.findUnique({
      where: { email },
      select: { credential: { select: { userId: true } } },
    });
    return user !== null && user.credential !== null;
  }

  findUserById(
    id: string,
    transaction: Transaction = this.database,
  ): Promise<ProvisioningCandidate | null> {
    return transaction.user.findUnique({ where: { id }, include: candidate });
  }

  /** The user holding the (normalised) email, locked until the transaction ends. */
  async findUserByEmailForUpdate(
    transaction: Transaction,
    email: string,
  ): Promise<ProvisioningCandidate | null> {
    const locked = await transaction.$queryRaw<{ id: string }[]>`
      SELECT id FROM identity.users WHERE email = ${email} FOR UPDATE`;
    return locked.length === 0 ? null : this.findUserById(locked[0].id, transaction);
  }

  createUser(transaction: Transaction, user: NewUser): Promise<UserWithMemberships> {
    return this.users.insert(transaction, user);
  }

  /** Gives a user who was invited without a password their password, name, language and status. */
  async completeUser(
    transaction: Transaction,
    userId: string,
    data: { name: string; language: string; status: UserStatus; passwordHash: string },
  ): Promise<void> {
    await transaction.user.update({
      where: { id: userId },
      data: {
        name: data.name,
        language: data.language,
        status: data.status,
        activatedAt: data.status === 'active' ? new Date() : null,
        credential: { create: { passwordHash: data.passwordHash } },
      },
    });
  }

  async grant(
    transaction: Transaction,
    userId: string,
    shapes: readonly MembershipShape[],
  ): Promise<Membership[]> {
    // A membership the user holds already (same scope, the roles included: an imported user
    // accepting their invitation) is not granted twice.
    const held = await transaction.membership.findMany({ where: { userId } });
    const covered = (shape: MembershipShape) =>
      held.some(
        (membership) =>
          membership.platform === shape.platform &&
          sameSet(membership.accountIds, shape.accountIds) &&
          shape.roles.every((role) => membership.roles.includes(role)),
      );
    const granted: Membership[] = [];
    for (const shape of shapes.filter((wanted) => !covered(wanted)))
      granted.push(
        await transaction.membership.create({
          data: { id: randomUUID(), userId, ...membershipColumns(shape) },
        }),
      );
    return granted;
  }

  async record(
    transaction: Transaction,
    record: Omit<UserProvisioning, 'createdAt'>,
  ): Promise<UserProvisioning> {
    return transaction.userProvisioning.create({ data: record });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
