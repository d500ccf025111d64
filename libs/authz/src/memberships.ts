import { isUuid, type common } from '@onramp/contracts';
import { isAllowed, type Caller } from './authorize';
import { isPermission, platformOnlyPermissions, type Permission } from './permissions';
import { effectivePermissions, isRole, roles } from './roles';

/** A membership as requested: a scope (the platform or accounts), roles, additional permissions. */
export interface MembershipShape {
  platform: boolean;
  accountIds: readonly string[];
  roles: readonly string[];
  additionalPermissions: readonly string[];
}

export interface MembershipViolation {
  field: 'platform' | 'accountIds' | 'roles' | 'additionalPermissions';
  message: string;
}

/** Checks a membership against the catalogue; an empty list means it is well-formed. */
export function membershipViolations(membership: MembershipShape): MembershipViolation[] {
  const violations: MembershipViolation[] = [];
  const scope = membership.platform ? 'platform' : 'account';
  if (membership.platform && membership.accountIds.length > 0) {
    violations.push({ field: 'accountIds', message: 'a platform membership names no accounts' });
  }
  if (!membership.platform && membership.accountIds.length === 0) {
    violations.push({ field: 'accountIds', message: 'at least one account is required' });
  }
  if (membership.accountIds.some((id) => !isUuid(id))) {
    violations.push({ field: 'accountIds', message: 'account ids are UUIDs' });
  }
  if (membership.roles.length === 0) {
    violations.push({ field: 'roles', message: 'at least one role is required' });
  }
  for (const role of membership.roles) {
    if (!isRole(role)) {
      violations.push({ field: 'roles', message: `unknown role "${role}"` });
    } else if (roles[role].scope !== scope) {
      violations.push({ field: 'roles', message: `role "${role}" is not a ${scope} role` });
    }
  }
  for (const permission of membership.additionalPermissions) {
    if (!isPermission(permission)) {
      violations.push({ field: 'additionalPermissions', message: `unknown "${permission}"` });
    } else if (scope === 'account' && platformOnlyPermissions.has(permission)) {
      violations.push({
        field: 'additionalPermissions',
        message: `"${permission}" is a platform permission`,
      });
    }
  }
  return violations;
}

/** The grant a well-formed membership gives (see `membershipViolations`). */
export function grantOf(membership: MembershipShape): common.Caller['grants'][number] {
  const held = effectivePermissions(
    membership.roles.filter(isRole),
    membership.additionalPermissions.filter(isPermission),
  );
  return {
    $typeName: 'onramp.common.v1.Grant',
    platform: membership.platform,
    accountIds: [...membership.accountIds],
    roles: [...membership.roles],
    permissions: [...held].sort(),
  };
}

/**
 * Whether the caller may give this membership: they must be allowed to manage memberships in
 * every account of its scope and hold there every permission it confers, so nobody can grant
 * more than they have — to others or to themselves.
 */
export function mayGrant(
  caller: Caller,
  membership: MembershipShape,
  // An account's lineage (its ancestors and itself), where the caller knows it: a grant on a
  // parent then covers the account too.
  lineageOf: (accountId: string) => readonly string[] = (accountId) => [accountId],
): boolean {
  const targets = membership.platform
    ? [{ platform: true } as const]
    : membership.accountIds.map((accountId) => ({ accountIds: lineageOf(accountId) }));
  const conferred: Permission[] = [
    'memberships.manage',
    ...effectivePermissions(
      membership.roles.filter(isRole),
      membership.additionalPermissions.filter(isPermission),
    ),
  ];
  return targets.every((target) =>
    conferred.every((permission) => isAllowed(caller, permission, target)),
  );
}
