/** Names compare case-insensitively and without surrounding spaces (unique keys, search, sort). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Prisma's unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
