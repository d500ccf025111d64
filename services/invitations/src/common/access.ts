import { isAllowed, type Caller, type Permission, type Target } from '@onramp/authz';
import { DomainError } from '@onramp/errors';

/** "forbidden" unless the caller holds the permission for the target. */
export function requirePermission(caller: Caller, permission: Permission, target: Target): void {
  if (!isAllowed(caller, permission, target))
    throw new DomainError('forbidden', `you need ${permission} here`);
}

/**
 * `row` (null: none found) if the caller may manage it: "not_found" (`notFoundDetail`) unless they
 * may at least read it, so nobody learns of what they cannot see; then "forbidden" unless they may
 * manage it (invitations.manage).
 */
export function requireManageable<Row>(
  caller: Caller,
  row: Row | null,
  targetOf: (row: Row) => Target,
  notFoundDetail: string,
): Row {
  if (row === null || !isAllowed(caller, 'invitations.read', targetOf(row)))
    throw new DomainError('not_found', notFoundDetail);
  requirePermission(caller, 'invitations.manage', targetOf(row));
  return row;
}
