import type { LineageOf } from '@onramp/account-tree';
import { actingUserId, mayGrant, type Caller, type MembershipShape } from '@onramp/authz';
import { common } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import { canChangeUser, canSeeUser, mayCreateUserWith } from '../users/user-access';
import type { UserChanges } from './user-imports.repository';
import type { ValidRow } from './imported-row';

/** A user as the chunk knows them: loaded before it, or created by an earlier row of it. */
export interface KnownUser {
  id: string;
  email: string;
  name: string;
  language: string;
  gender: string;
  externalId: string | null;
  memberships: MembershipShape[];
}

/** What one valid row does. */
export type RowPlan =
  | { kind: 'failed'; violations: FieldViolation[] }
  | { kind: 'create' }
  | {
      kind: 'existing';
      user: KnownUser;
      changes: UserChanges;
      /** Whether the row's membership is missing and is added. */
      grant: boolean;
    };

export const OUTSIDE_YOUR_ACCOUNTS =
  'belongs to a user outside the accounts you manage; invite them instead';

/**
 * Decides a valid row against the users known now, with the rules of CreateUser (a new user)
 * and GrantMembership (an existing one): an existing user is matched by external id, else by
 * email, and counts only if the caller already manages memberships where that user is; anyone
 * else is never joined to the caller's accounts (their consent goes through an invitation).
 */
export function planRow(
  caller: Caller,
  policy: common.ConflictPolicy,
  row: ValidRow,
  byEmail: KnownUser | undefined,
  byExternalId: KnownUser | undefined,
  lineageOf: LineageOf,
): RowPlan {
  if (byEmail !== undefined && byExternalId !== undefined && byEmail.id !== byExternalId.id)
    return failed('externalId', 'belongs to another user than this email');
  const user = byExternalId ?? byEmail;
  if (user === undefined) {
    return mayCreateUserWith(caller, [row.membership], lineageOf)
      ? { kind: 'create' }
      : failed('membership', 'you may not create a user with this membership');
  }
  if (!canSeeUser(caller, user, lineageOf, 'memberships.manage'))
    return failed('email', OUTSIDE_YOUR_ACCOUNTS);
  if (policy === common.ConflictPolicy.FAIL)
    return byExternalId !== undefined
      ? failed('externalId', 'a user with this external id already exists')
      : failed('email', 'a user with this email already exists');
  const grant = !user.memberships.some((held) => sameScope(held, row.membership));
  if (grant && user.id === actingUserId(caller))
    return failed('membership', 'you cannot change your own memberships');
  if (grant && !mayGrant(caller, row.membership, lineageOf))
    return failed('membership', 'you may not grant more than you hold where you hold it');
  const changes = policy === common.ConflictPolicy.UPDATE ? changesOf(user, row) : {};
  if (
    Object.keys(changes).length > 0 &&
    !canChangeUser(caller, 'users.manage', user.memberships, lineageOf)
  )
    return failed('email', 'changing this user needs users.manage over all its accounts');
  return { kind: 'existing', user, changes, grant };
}

/** The fields an update changes: what the row gives and differs (the email never changes). */
function changesOf(user: KnownUser, row: ValidRow): UserChanges {
  const changes: UserChanges = {};
  if (row.name !== user.name) changes.name = row.name;
  if (row.language !== user.language) changes.language = row.language;
  if (row.gender !== '' && row.gender !== user.gender) changes.gender = row.gender;
  if (row.externalId !== null && row.externalId !== user.externalId)
    changes.externalId = row.externalId;
  return changes;
}

/** A membership of the same scope (the platform, or the same accounts) is already there. */
function sameScope(held: MembershipShape, wanted: MembershipShape): boolean {
  if (held.platform || wanted.platform) return held.platform === wanted.platform;
  const accounts = new Set(held.accountIds);
  return (
    accounts.size === new Set(wanted.accountIds).size &&
    wanted.accountIds.every((id) => accounts.has(id))
  );
}

function failed(field: string, message: string): RowPlan {
  return { kind: 'failed', violations: [{ field, message }] };
}
