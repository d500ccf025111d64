import { isAllowed, type Caller, type Permission, type Target } from '@onramp/authz';
import { DomainError } from '@onramp/errors';

/** "forbidden" unless the caller holds the permission for the target. */
export function requirePermission(caller: Caller, permission: Permission, target: Target): void {
  if (!isAllowed(caller, permission, target))
    throw new DomainError('forbidden', `you need ${permission} here`);
}
