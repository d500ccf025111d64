import { Injectable } from '@nestjs/common';
import { actingUserId, type Caller, type MembershipShape, scopeOf } from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import type { SqlClient } from '@onramp/persistence';
import { AccountTree } from '@onramp/account-tree';
import { AcceptedPasswords } from '../credentials/accepted-passwords';
import { PasswordHasher } from '../credentials/password-hasher';
import { accountsOf, mayCreateUserWith } from './user-access';
import { decodeUserCursor, encodeUserCursor } from './user-cursor';
import {
  emailViolations,
  genderViolations,
  isUserStatus,
  languageViolations,
  membershipListViolations,
  nameViolations,
  normaliseEmail,
} from './user-fields';
import { UserEvents } from './user-events';
import { UserLookup } from './user-lookup';
import type { UserWithMemberships } from './user-message';
import { UsersRepository, type NewUser } from './users.repository';

export interface NewUserInput {
  email: string;
  name: string;
  language: string;
  password?: string;
  memberships: MembershipShape[];
}

export interface UserListQuery {
  status?: string;
  role?: string;
  platform?: boolean;
  accountId?: string;
  query?: string;
  cursor?: string;
  limit: number;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly lookup: UserLookup,
    private readonly events: UserEvents,
    private readonly passwords: AcceptedPasswords,
    private readonly hasher: PasswordHasher,
    private readonly lineages: AccountTree,
  ) {}

  /** A user with a password is active at once; without one, they are invited. */
  async create(caller: Caller, input: NewUserInput): Promise<UserWithMemberships> {
    const user = await this.validNewUser(input);
    const lineageOf = await this.lineages.lineagesOf(accountsOf(input.memberships));
    if (!mayCreateUserWith(caller, input.memberships, lineageOf))
      throw new DomainError('forbidden', 'you may not create a user with these memberships');
    const created = await this.repository.create(user, this.creationEvents(caller.userId));
    this.events.nudge();
    return created;
  }

  /** Creates the first user on the service's own authority; undefined when users exist. */
  async createFirstUser(input: NewUserInput): Promise<UserWithMemberships | undefined> {
    const user = await this.validNewUser(input);
    const created = await this.repository.createIfNoUserExists(user, this.creationEvents(''));
    this.events.nudge();
    return created;
  }

  private creationEvents(byUserId: string) {
    return (transaction: SqlClient, created: UserWithMemberships): Promise<void> =>
      this.events.created(transaction, created, byUserId);
  }

  /** Checks a new user's fields and password, and hashes the password. */
  private async validNewUser(input: NewUserInput): Promise<NewUser> {
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const language = input.language === '' ? 'en' : input.language;
    const violations: FieldViolation[] = [
      ...emailViolations(email),
      ...nameViolations(name),
      ...languageViolations(language),
      ...membershipListViolations(input.memberships),
    ];
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user is not valid', violations);
    if (input.password !== undefined) this.passwords.assertAcceptable(input.password);
    return {
      email,
      name,
      language,
      status: input.password === undefined ? 'invited' : 'active',
      passwordHash:
        input.password === undefined ? undefined : await this.hasher.hash(input.password),
      memberships: input.memberships,
    };
  }

  get(caller: Caller, userId: string): Promise<UserWithMemberships> {
    return this.lookup.visible(caller, userId);
  }

  async list(
    caller: Caller,
    query: UserListQuery,
  ): Promise<{ users: UserWithMemberships[]; nextCursor?: string }> {
    const violations: FieldViolation[] = [];
    if (query.status !== undefined && !isUserStatus(query.status))
      violations.push({ field: 'status', message: 'is not a user status' });
    if (query.accountId !== undefined && !isUuid(query.accountId))
      violations.push({ field: 'accountId', message: 'must be a UUID' });
    if (query.limit > MAX_PAGE_SIZE)
      violations.push({ field: 'limit', message: `must be at most ${MAX_PAGE_SIZE}` });
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user query is not valid', violations);
    const limit = query.limit === 0 ? DEFAULT_PAGE_SIZE : query.limit;
    const rows = await this.repository.list({
      visibleTo: { userId: actingUserId(caller), scope: scopeOf(caller, 'users.read') },
      status: query.status,
      role: query.role,
      platform: query.platform,
      accountId: query.accountId?.toLowerCase(),
      query: query.query?.trim() || undefined,
      after: query.cursor === undefined ? undefined : decodeUserCursor(query.cursor),
      limit,
    });
    const users = rows.slice(0, limit);
    const last = users.at(-1);
    return rows.length > limit && last !== undefined
      ? { users, nextCursor: encodeUserCursor(last) }
      : { users };
  }

  async update(
    caller: Caller,
    userId: string,
    changes: { name?: string; language?: string; email?: string; gender?: string },
  ): Promise<UserWithMemberships> {
    // Everyone keeps their own name, language and gender current; anything else needs users.manage.
    const ownProfile = userId === actingUserId(caller) && changes.email === undefined;
    if (ownProfile) await this.lookup.visible(caller, userId);
    else await this.lookup.changeable(caller, userId, 'users.manage');
    const data = {
      name: changes.name?.trim(),
      language: changes.language,
      email: changes.email === undefined ? undefined : normaliseEmail(changes.email),
      gender: changes.gender,
    };
    const violations: FieldViolation[] = [
      ...(data.name === undefined ? [] : nameViolations(data.name)),
      ...(data.language === undefined ? [] : languageViolations(data.language)),
      ...(data.email === undefined ? [] : emailViolations(data.email)),
      ...(data.gender === undefined ? [] : genderViolations(data.gender)),
    ];
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the changes are not valid', violations);
    const user = await this.repository.update(userId, data, (transaction, updated) =>
      this.events.updated(transaction, updated),
    );
    this.events.nudge();
    return user;
  }
}
