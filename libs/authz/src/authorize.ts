import type { common } from '@onramp/contracts';
import type { Permission } from './permissions';

export type Caller = common.Caller;

/**
 * What a permission is checked against: the platform itself, or a resource owned by accounts —
 * pass its account and that account's ancestors, since a grant on a parent covers its subtree.
 */
export type Target = { platform: true } | { accountIds: readonly string[] };

/** The one permission check every service uses. */
export function isAllowed(caller: Caller, permission: Permission, target: Target): boolean {
  return caller.grants.some(
    (grant) =>
      grant.permissions.includes(permission) &&
      (grant.platform ||
        ('accountIds' in target && grant.accountIds.some((id) => target.accountIds.includes(id)))),
  );
}

/** Where a permission applies, for scoping queries: everywhere, or within these accounts only. */
export type AccessScope =
  { everywhere: true } | { everywhere: false; accountIds: readonly string[] };

export function scopeOf(caller: Caller, permission: Permission): AccessScope {
  const accountIds = new Set<string>();
  for (const grant of caller.grants) {
    if (!grant.permissions.includes(permission)) continue;
    if (grant.platform) return { everywhere: true };
    for (const id of grant.accountIds) accountIds.add(id);
  }
  return { everywhere: false, accountIds: [...accountIds] };
}

/** Whether the caller holds the permission anywhere at all (a coarse check before any lookup). */
export function holdsAnywhere(caller: Caller, permission: Permission): boolean {
  return caller.grants.some((grant) => grant.permissions.includes(permission));
}
