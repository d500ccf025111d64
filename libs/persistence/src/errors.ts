/** Whether a Prisma call failed on a unique constraint (P2002), e.g. a name or a key taken. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
