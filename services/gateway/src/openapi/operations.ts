import { apiKeysOperations } from '../api-keys/api-keys.operations';
import { authOperations } from '../auth/auth.operations';
import { meOperations } from '../me/me.operations';
import { membershipsOperations } from '../memberships/memberships.operations';
import { rolesOperations } from '../roles/roles.operations';
import { usersOperations } from '../users/users.operations';
import type { Operation } from './operation';

/** Every public operation; a feature that serves routes adds its operations here. */
export const allOperations: readonly Operation[] = [
  authOperations,
  meOperations,
  usersOperations,
  membershipsOperations,
  apiKeysOperations,
  rolesOperations,
].flatMap((operations) => Object.values<Operation>(operations));
