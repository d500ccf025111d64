import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { scopeOf, type Caller } from '@onramp/authz';
import { identity, invitations, isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { MAX_CODE_INPUT_LENGTH } from '@onramp/invitation-rules';
import { Outbox, RpcClient } from '@onramp/messaging';
import {
  containsText,
  DATABASE,
  decodeNewestFirst,
  NEWEST_FIRST,
  newestFirstPage,
  olderThan,
  pageLimit,
  searchText,
} from '@onramp/persistence';
import {
  emailViolations,
  languageViolations,
  nameViolations,
  normaliseEmail,
} from '@onramp/user-rules';
import { requireManageable, requirePermission } from '../common/access';
import { Directory } from '../common/directory';
import { RateLimits } from '../common/rate-limits';
import { withFreshCode } from '../common/fresh-code';
import { normaliseCode } from '../common/secrets';
import type {
  Prisma,
  PrismaClient,
  Registration,
  RegistrationSettings,
  RegistrationStatus,
} from '../generated/prisma/client';
import { uuidViolations } from '../invitations/invitation-kinds';
import { registrationMessage } from './registration-message';

/** Identity's idempotency key for a registration: one pending user, ever. */
export const registrationKey = (registrationId: string) => `registration:${registrationId}`;

const LISTED_STATUSES: readonly RegistrationStatus[] = ['pending', 'approved', 'rejected'];

function invalidCode(): DomainError {
  return new DomainError('invalid_code', 'this registration code is not valid (any more)');
}

/**
 * Driver self-registration with approval: an account enables it and shares its
 * registration code; a driver registers with it and lands "to be approved" (a user who may not
 * sign in yet); an admin approves (the user becomes active) or rejects (the user is erased).
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @Inject(DATABASE) private readonly database: PrismaClient,
    private readonly directory: Directory,
    private readonly limits: RateLimits,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  async settings(caller: Caller, accountId: string): Promise<RegistrationSettings> {
    const account = await this.directory.account(caller, accountId);
    requirePermission(caller, 'invitations.read', { accountIds: account.lineage });
    const saved = await this.database.registrationSettings.findUnique({
      where: { accountId: account.id },
    });
    return (
      saved ?? {
        accountId: account.id,
        accountLineage: account.lineage,
        accountName: account.name,
        language: account.language,
        enabled: false,
        registrationCode: null,
        updatedAt: new Date(0),
        updatedBy: null,
      }
    );
  }

  async putSettings(
    caller: Caller,
    input: invitations.PutRegistrationSettingsRequest,
  ): Promise<RegistrationSettings> {
    const account = await this.directory.account(caller, input.accountId);
    requirePermission(caller, 'invitations.manage', { accountIds: account.lineage });
    const saved = await this.database.registrationSettings.findUnique({
      where: { accountId: account.id },
    });
    const keep = input.enabled && !input.rotateCode ? saved?.registrationCode : undefined;
    const fields = {
      accountLineage: account.lineage,
      accountName: account.name,
      language: account.language,
      enabled: input.enabled,
      updatedAt: new Date(),
      updatedBy: caller.userId === '' ? null : caller.userId,
    };
    return withFreshCode((fresh) => {
      const registrationCode = input.enabled ? (keep ?? fresh) : null;
      return this.database.registrationSettings.upsert({
        where: { accountId: account.id },
        create: { accountId: account.id, ...fields, registrationCode },
        update: { ...fields, registrationCode },
      });
    });
  }

  async register(input: invitations.RegisterRequest): Promise<Registration> {
    await this.limits.consume('register', input.ip === '' ? 'unknown' : input.ip);
    const settings = await this.database.registrationSettings.findUnique({
      where: {
        registrationCode: normaliseCode(input.registrationCode).slice(0, MAX_CODE_INPUT_LENGTH),
      },
    });
    if (settings === null || !settings.enabled) throw invalidCode();
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const language = input.language ?? settings.language;
    const violations = [
      ...emailViolations(email),
      ...nameViolations(name),
      ...languageViolations(language),
    ];
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the registration is not valid', violations);

    // Written first, shown to nobody, so that identity's announcement of the user always finds it.
    const registration = await this.database.registration.create({
      data: {
        id: randomUUID(),
        accountId: settings.accountId,
        accountLineage: settings.accountLineage,
        email,
        name,
        language,
        status: 'submitting',
      },
    });
    let userId: string;
    try {
      const { user } = await this.rpc.call(identity.IdentityService.method.provisionUser, {
        idempotencyKey: registrationKey(registration.id),
        email,
        name,
        language,
        password: input.password,
        memberships: [{ accountIds: [settings.accountId], roles: ['driver'] }],
        status: 'pending_approval',
      });
      if (user === undefined) throw new Error('identity answered without the user');
      userId = user.id;
    } catch (error) {
      await this.database.registration.delete({ where: { id: registration.id } });
      if (error instanceof DomainError && error.code === 'login_required')
        throw new DomainError('conflict', 'this email already has an account: sign in instead');
      throw error;
    }
    const submitted = await this.database.$transaction((transaction) =>
      this.confirmWithin(transaction, registration.id, userId),
    );
    this.outbox.nudge();
    return submitted ?? registration;
  }

  /** The registration's user exists (pending approval): the registration now waits for an admin. */
  async confirmWithin(
    transaction: Prisma.TransactionClient,
    registrationId: string,
    userId: string,
  ): Promise<Registration | undefined> {
    const { count } = await transaction.registration.updateMany({
      where: { id: registrationId, status: 'submitting' },
      data: { status: 'pending', userId },
    });
    const registration = await transaction.registration.findUnique({
      where: { id: registrationId },
    });
    if (count === 0 || registration === null) return registration ?? undefined;
    await this.outbox.append(transaction, invitations.RegistrationSubmittedSchema, {
      registration: registrationMessage(registration),
      occurredAt: timestampFromDate(new Date()),
    });
    return registration;
  }

  async list(
    caller: Caller,
    input: invitations.ListRegistrationsRequest,
  ): Promise<{ items: Registration[]; nextCursor?: string }> {
    const limit = pageLimit(input.limit);
    if (input.status !== undefined && !LISTED_STATUSES.includes(input.status as RegistrationStatus))
      throw new DomainError('validation_failed', 'the filters are not valid', [
        { field: 'status', message: `one of ${LISTED_STATUSES.join(', ')}` },
      ]);
    const accountIdViolations =
      input.accountId === undefined ? [] : uuidViolations('accountId', [input.accountId]);
    if (accountIdViolations.length > 0)
      throw new DomainError('validation_failed', 'the filters are not valid', accountIdViolations);
    const query = searchText(input.query);
    const after = decodeNewestFirst(input.cursor);
    const scope = scopeOf(caller, 'invitations.read');
    if (!scope.everywhere && scope.accountIds.length === 0) return { items: [] };
    const where: Prisma.RegistrationWhereInput[] = [
      { status: (input.status as RegistrationStatus | undefined) ?? { in: [...LISTED_STATUSES] } },
    ];
    if (!scope.everywhere) where.push({ accountLineage: { hasSome: [...scope.accountIds] } });
    if (input.accountId !== undefined)
      where.push({ accountLineage: { has: input.accountId.toLowerCase() } });
    if (query !== undefined)
      where.push({ OR: [{ email: containsText(query) }, { name: containsText(query) }] });
    where.push(olderThan(after));
    const rows = await this.database.registration.findMany({
      where: { AND: where },
      orderBy: [...NEWEST_FIRST],
      take: limit + 1,
    });
    return newestFirstPage(rows, limit);
  }

  approve(caller: Caller, registrationId: string): Promise<Registration> {
    return this.decide(caller, registrationId, 'approved', (userId) =>
      this.rpc.call(identity.IdentityService.method.activatePendingUser, {
        userId,
        byUserId: caller.userId,
      }),
    );
  }

  reject(caller: Caller, registrationId: string): Promise<Registration> {
    return this.decide(caller, registrationId, 'rejected', (userId) =>
      this.rpc.call(identity.IdentityService.method.erasePendingUser, {
        userId,
        byUserId: caller.userId,
      }),
    );
  }

  private async decide(
    caller: Caller,
    registrationId: string,
    outcome: 'approved' | 'rejected',
    applyInIdentity: (userId: string) => Promise<unknown>,
  ): Promise<Registration> {
    const found = isUuid(registrationId)
      ? await this.database.registration.findUnique({ where: { id: registrationId } })
      : null;
    // A registration still being submitted is shown to nobody.
    const registration = requireManageable(
      caller,
      found?.status === 'submitting' ? null : found,
      (row) => ({ accountIds: row.accountLineage }),
      'no such registration',
    );
    if (registration.status !== 'pending' || registration.userId === null)
      throw new DomainError('conflict', `the registration is ${registration.status} already`);
    await applyInIdentity(registration.userId);
    const decided = await this.database.$transaction(async (transaction) => {
      const updated = await transaction.registration.update({
        where: { id: registration.id },
        data: {
          status: outcome,
          decidedAt: new Date(),
          decidedByUserId: caller.userId === '' ? null : caller.userId,
        },
      });
      const settings = await transaction.registrationSettings.findUnique({
        where: { accountId: updated.accountId },
      });
      await this.outbox.append(transaction, invitations.RegistrationDecidedSchema, {
        registration: registrationMessage(updated),
        accountName: settings?.accountName ?? '',
        language: updated.language,
        occurredAt: timestampFromDate(updated.decidedAt ?? new Date()),
      });
      return updated;
    });
    this.outbox.nudge();
    return decided;
  }
}
