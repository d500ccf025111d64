import {
  actingUserId,
  type Caller,
  isAllowed,
  mayGrant,
  type MembershipShape,
  type Permission,
  scopeOf,
} from '@onramp/authz';
import type { LineageOf } from '@onramp/account-tree';

/** The part of a membership that decides who may see or change its user. */
export interface MembershipScope {
  platform: boolean;
  accountIds: readonly string[];
}

/**
 * A caller sees a user who is themself, or who has a membership in an account where the caller
 * holds the permission (`users.read` for reads) — there or on one of its ancestors (a platform
 * grant sees everyone). Anyone else does not exist for the caller.
 */
export function canSeeUser(
  caller: Caller,
  user: { id: string; memberships: readonly MembershipScope[] },
  lineageOf: LineageOf,
  permission: Permission = 'users.read',
): boolean {
  if (user.id === actingUserId(caller)) return true;
  const scope = scopeOf(caller, permission);
  if (scope.everywhere) return true;
  return user.memberships.some((membership) =>
    membership.accountIds.some((accountId) =>
      lineageOf(accountId).some((id) => scope.accountIds.includes(id)),
    ),
  );
}

/**
 * Changing a whole user needs the permission over every scope the user belongs to (each account
 * through itself or an ancestor): an admin of one account must not deactivate or erase someone
 * who also works for another account (or for the operator). A user without memberships belongs
 * to the platform alone.
 */
export function canChangeUser(
  caller: Caller,
  permission: Permission,
  memberships: readonly MembershipScope[],
  lineageOf: LineageOf,
): boolean {
  if (isAllowed(caller, permission, { platform: true })) return true;
  if (memberships.length === 0) return false;
  return memberships.every(
    (membership) =>
      !membership.platform &&
      membership.accountIds.every((accountId) =>
        isAllowed(caller, permission, { accountIds: lineageOf(accountId) }),
      ),
  );
}

/** Every account the memberships name, to load their lineages at once. */
export function accountsOf(memberships: readonly MembershipScope[]): string[] {
  return memberships.flatMap((membership) => membership.accountIds);
}

/**
 * Creating a user means managing users where their memberships put them and granting those
 * memberships; a user outside every account is platform business.
 */
export function mayCreateUserWith(
  caller: Caller,
  memberships: readonly MembershipShape[],
  lineageOf: LineageOf,
): boolean {
  if (memberships.length === 0) return isAllowed(caller, 'users.manage', { platform: true });
  return memberships.every(
    (membership) =>
      mayGrant(caller, membership, lineageOf) &&
      (membership.platform
        ? isAllowed(caller, 'users.manage', { platform: true })
        : membership.accountIds.every((accountId) =>
            isAllowed(caller, 'users.manage', { accountIds: lineageOf(accountId) }),
          )),
  );
}
