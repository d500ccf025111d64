/**
 * The rules of the API key form, checked before sending; the API checks them again. Each problem
 * is the key of the text that explains it.
 */
import type { KeyPermission } from './api-keys.api';

/** As the API bounds it. */
export const MAX_KEY_NAME_LENGTH = 100;

export function keyNameProblem(name: string): 'nameInvalid' | undefined {
  const length = name.trim().length;
  return length === 0 || length > MAX_KEY_NAME_LENGTH ? 'nameInvalid' : undefined;
}

export function keyPermissionsProblem(
  chosen: readonly string[],
): 'permissionsRequired' | undefined {
  return chosen.length > 0 ? undefined : 'permissionsRequired';
}

/**
 * The permissions a key may be given: those an account role can hold (never the installation's
 * own), and only those the creator holds, since a key never carries more than its creator.
 */
export function keyPermissionChoices(
  accountRoles: readonly { permissions: readonly string[] }[],
  holds: (permission: KeyPermission) => boolean,
): KeyPermission[] {
  const inAccounts = new Set(accountRoles.flatMap((role) => role.permissions));
  return [...inAccounts].filter((permission): permission is KeyPermission =>
    holds(permission as KeyPermission),
  );
}
