/** Whether a Prisma call failed on a unique constraint (P2002), e.g. a name or a key taken. */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002');
}

/**
 * Whether a Prisma update or delete found no row to change (P2025): another request removed it
 * between the read and the write.
 */
export function isRecordMissing(error: unknown): boolean {
  return hasCode(error, 'P2025');
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
