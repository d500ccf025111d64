/**
 * The rules an invitation form checks before sending, so the user sees them at once; the API
 * checks them again, and its answer is shown when it refuses anyway.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(email: string): 'emailRequired' | undefined {
  return EMAIL.test(email.trim()) ? undefined : 'emailRequired';
}

export function rolesProblem(roles: readonly string[]): 'rolesRequired' | undefined {
  return roles.length > 0 ? undefined : 'rolesRequired';
}
