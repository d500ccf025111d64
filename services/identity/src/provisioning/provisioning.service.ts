import { isUniqueViolation } from '@onramp/persistence';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { MembershipShape } from '@onramp/authz';
import { identity, isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { AcceptedPasswords } from '../credentials/accepted-passwords';
import { PasswordHasher } from '../credentials/password-hasher';
import type { Membership, UserProvisioning } from '../generated/prisma/client';
import {
  emailViolations,
  languageViolations,
  membershipListViolations,
  nameViolations,
  normaliseEmail,
} from '../users/user-fields';
import { UserEvents } from '../users/user-events';
import type { UserWithMemberships } from '../users/user-message';
import {
  ProvisioningRepository,
  type ProvisioningCandidate,
  type Transaction,
} from './provisioning.repository';

export interface ProvisionRequest {
  idempotencyKey: string;
  email: string;
  name: string;
  language: string;
  password?: string;
  existingUserId?: string;
  memberships: MembershipShape[];
  status: string;
}

export interface Provisioned {
  user: UserWithMemberships;
  created: boolean;
  alreadyProvisioned: boolean;
}

/** A request that passed the checks that need no database. */
interface ValidRequest {
  idempotencyKey: string;
  email: string;
  /** Empty when not given: a new user needs one, a completed user keeps theirs. */
  name: string;
  /** Undefined when not given: a new user gets "en", a completed user keeps theirs. */
  language?: string;
  password?: string;
  existingUserId?: string;
  memberships: MembershipShape[];
  status: 'active' | 'pending_approval';
}

/** What a provisioning does to whom, decided under the locks. */
type Plan =
  | { kind: 'create' }
  | { kind: 'complete'; user: ProvisioningCandidate }
  | { kind: 'join'; user: ProvisioningCandidate };

const MAX_KEY_LENGTH = 200;
// The second attempt lets a call that lost a race for a new email see the winner's user.
const ATTEMPTS = 2;

/**
 * ProvisionUser: the single commit point of accepting an invitation, redeeming a joining code or
 * registering. The user (created, completed or joined), the memberships, the record of the
 * idempotency key and every event commit together; the same key never provisions twice.
 * Internal: invitations has authorised the inviter, so no caller is checked here.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly repository: ProvisioningRepository,
    private readonly events: UserEvents,
    private readonly outbox: Outbox,
    private readonly passwords: AcceptedPasswords,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Whether this email signs in with a password (an invitee who must log in to accept). */
  hasPassword(email: string): Promise<boolean> {
    return this.repository.hasPassword(normaliseEmail(email));
  }

  async provision(request: ProvisionRequest): Promise<Provisioned> {
    const input = validRequest(request);
    const earlier = await this.repository.findRecord(input.idempotencyKey);
    if (earlier !== null) return this.answerAgain(earlier);
    for (let attempt = 1; ; attempt++) {
      try {
        const provisioned = await this.repository.underKeyLock(
          input.idempotencyKey,
          (transaction) => this.provisionOnce(transaction, input),
        );
        this.events.nudge();
        return provisioned;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt === ATTEMPTS)
          throw new DomainError('conflict', 'a user with this email was created meanwhile');
      }
    }
  }

  /**
   * Answers as `provision` would — login_required first, then every violation at once — but
   * provisions nothing. A key provisioned before passes: provisioning it again changes nothing.
   */
  async check(request: ProvisionRequest): Promise<void> {
    const input = validRequest(request);
    if ((await this.repository.findRecord(input.idempotencyKey)) !== null) return;
    await this.repository.underKeyLock(input.idempotencyKey, async (transaction) => {
      this.assertComplete(input, await this.plan(transaction, input));
    });
  }

  private async provisionOnce(transaction: Transaction, input: ValidRequest): Promise<Provisioned> {
    const earlier = await this.repository.findRecord(input.idempotencyKey, transaction);
    if (earlier !== null) return this.answerAgain(earlier, transaction);
    const plan = await this.plan(transaction, input);
    this.assertComplete(input, plan);
    let user: UserWithMemberships;
    let granted: Membership[];
    switch (plan.kind) {
      case 'create': {
        user = await this.repository.createUser(transaction, {
          email: input.email,
          name: input.name,
          language: input.language ?? 'en',
          status: input.status,
          passwordHash: await this.hasher.hash(input.password!),
          memberships: input.memberships,
        });
        await this.events.created(transaction, user, '');
        granted = user.memberships;
        break;
      }
      case 'complete': {
        const userId = plan.user.id;
        await this.repository.completeUser(transaction, userId, {
          name: input.name === '' ? plan.user.name : input.name,
          language: input.language ?? plan.user.language,
          status: input.status,
          passwordHash: await this.hasher.hash(input.password!),
        });
        granted = await this.repository.grant(transaction, userId, input.memberships);
        user = await this.current(transaction, userId);
        await this.events.updated(transaction, user);
        if (input.status === 'active') await this.events.activated(transaction, userId);
        await this.events.membershipsGranted(transaction, granted, '');
        break;
      }
      case 'join': {
        granted = await this.repository.grant(transaction, plan.user.id, input.memberships);
        await this.events.membershipsGranted(transaction, granted, '');
        user = await this.current(transaction, plan.user.id);
        break;
      }
    }
    // A user completed from an invitation sets themself up here as much as a new one does.
    const created = plan.kind !== 'join';
    const record = await this.repository.record(transaction, {
      idempotencyKey: input.idempotencyKey,
      userId: user.id,
      created,
      membershipIds: granted.map((membership) => membership.id),
    });
    await this.outbox.append(transaction, identity.UserProvisionedSchema, {
      idempotencyKey: record.idempotencyKey,
      userId: user.id,
      created,
      membershipIds: record.membershipIds,
      occurredAt: timestampFromDate(record.createdAt),
    });
    return { user, created, alreadyProvisioned: false };
  }

  /**
   * Join the user named by existing_user_id if they hold the email; otherwise create a user for
   * an unknown email or complete one invited without a password. Anyone else holding the email
   * must log in as themself first.
   */
  private async plan(transaction: Transaction, input: ValidRequest): Promise<Plan> {
    const holder = await this.repository.findUserByEmailForUpdate(transaction, input.email);
    if (input.existingUserId !== undefined) {
      if (holder?.id === input.existingUserId) {
        if (holder.status !== 'active')
          throw new DomainError('conflict', `the user is ${holder.status}, not active`);
        if (input.status !== 'active')
          throw invalid('status', 'only a new user can wait for approval');
        return { kind: 'join', user: holder };
      }
      if (holder?.credential) throw loginRequired();
      const named = await this.repository.findUserById(input.existingUserId, transaction);
      if (named === null) throw invalid('existingUserId', 'no such user');
      throw new DomainError('conflict', 'the user does not hold this email');
    }
    if (holder === null) return { kind: 'create' };
    if (holder.credential !== null) throw loginRequired();
    if (holder.status !== 'invited')
      throw new DomainError('conflict', `the user with this email is ${holder.status}`);
    return { kind: 'complete', user: holder };
  }

  /**
   * What the invitee must provide, all reported at once: a new user a name and a password under
   * the installation's policy, a user invited without a password that password; one who joins
   * keeps their own.
   */
  private assertComplete(input: ValidRequest, plan: Plan): void {
    if (plan.kind === 'join') return;
    const violations: FieldViolation[] = [];
    if (input.name !== '') violations.push(...nameViolations(input.name));
    else if (plan.kind === 'create')
      violations.push({ field: 'name', message: 'is required for a new user' });
    if (input.password === undefined)
      violations.push({ field: 'password', message: 'is required for a new user' });
    else violations.push(...this.passwords.violationsOf(input.password));
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user cannot be provisioned', violations);
  }

  private async answerAgain(
    record: UserProvisioning,
    transaction?: Transaction,
  ): Promise<Provisioned> {
    const user = await this.repository.findUserById(record.userId, transaction);
    if (user === null)
      throw new DomainError('conflict', 'the user provisioned under this key has been erased');
    return { user, created: record.created, alreadyProvisioned: true };
  }

  private async current(transaction: Transaction, userId: string): Promise<UserWithMemberships> {
    const user = await this.repository.findUserById(userId, transaction);
    if (user === null) throw new Error(`user ${userId} vanished inside its own transaction`);
    return user;
  }
}

/** The checks that need no database, all reported at once. */
function validRequest(request: ProvisionRequest): ValidRequest {
  const idempotencyKey = request.idempotencyKey.trim();
  const email = normaliseEmail(request.email);
  const name = request.name.trim();
  const language = request.language === '' ? undefined : request.language;
  const violations: FieldViolation[] = [
    ...(idempotencyKey.length === 0 || idempotencyKey.length > MAX_KEY_LENGTH
      ? [{ field: 'idempotencyKey', message: `must be 1 to ${MAX_KEY_LENGTH} characters` }]
      : []),
    ...emailViolations(email),
    ...(language === undefined ? [] : languageViolations(language)),
    ...(request.existingUserId === undefined || isUuid(request.existingUserId)
      ? []
      : [{ field: 'existingUserId', message: 'must be a UUID' }]),
    ...membershipListViolations(request.memberships),
  ];
  const status = request.status;
  if (status !== 'active' && status !== 'pending_approval')
    violations.push({ field: 'status', message: 'must be "active" or "pending_approval"' });
  if (violations.length > 0)
    throw new DomainError('validation_failed', 'the user cannot be provisioned', violations);
  return {
    idempotencyKey,
    email,
    name,
    language,
    password: request.password,
    existingUserId: request.existingUserId?.toLowerCase(),
    memberships: request.memberships,
    status: status as ValidRequest['status'],
  };
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', 'the user cannot be provisioned', [
    { field, message },
  ]);
}

function loginRequired(): DomainError {
  return new DomainError(
    'login_required',
    'a user with this email already exists; log in as that user to accept',
  );
}
