/**
 * Whether a Prisma call failed on a unique constraint, e.g. a name or a key taken: P2002 from a
 * model query, or a raw query (P2010) that Postgres refused with unique_violation (23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002') || (hasCode(error, 'P2010') && rawQueryCode(error) === '23505');
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

/** The SQLSTATE of a failed raw query, as the driver adapter reports it. */
function rawQueryCode(error: unknown): unknown {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })
    .meta;
  return meta?.driverAdapterError?.cause?.originalCode;
}
