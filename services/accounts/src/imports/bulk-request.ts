import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { decodeCursor, isUniqueViolation } from '@onramp/persistence';

/** The most rows (or references, keys, accounts of an export page) one bulk call takes. */
export const MAX_BULK_ROWS = 1000;

function refused(field: string, message: string): DomainError {
  return new DomainError('validation_failed', 'the request is not valid', [{ field, message }]);
}

/**
 * A bulk request's import id (lower case) once it is checked with its rows: at most 1,000, each
 * line named once (a line is what a repeated row is recognised by).
 */
export function checkedBulkRequest(importId: string, rows: { line: number }[]): string {
  if (!isUuid(importId)) throw refused('importId', 'must be a UUID');
  if (rows.length > MAX_BULK_ROWS) throw refused('rows', `at most ${MAX_BULK_ROWS} a call`);
  const lines = new Set(rows.map((row) => row.line));
  if (lines.size !== rows.length) throw refused('rows', 'each line at most once');
  return importId.toLowerCase();
}

export function checkedBatchSize(field: string, size: number): void {
  if (size > MAX_BULK_ROWS) throw refused(field, `at most ${MAX_BULK_ROWS} a call`);
}

/** 0 means the most; more is refused rather than silently cut. */
export function bulkPageLimit(limit: number): number {
  if (limit === 0) return MAX_BULK_ROWS;
  if (limit > MAX_BULK_ROWS) throw refused('limit', `must be 1 to ${MAX_BULK_ROWS}`);
  return limit;
}

/** The export's cursor: the (depth, id) of the last account of the previous page. */
export function exportCursor(
  cursor: string | undefined,
): { depth: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [depth, id] = decodeCursor(cursor, 2);
  if (!/^\d{1,2}$/.test(depth) || !isUuid(id))
    throw refused('cursor', 'use the nextCursor of a previous page');
  return { depth: Number(depth), id };
}

/**
 * Runs a chunk's work again once when another writer's row made it hit a unique index (a card,
 * cost center or external id created meanwhile): the second attempt reads that row and uses it.
 */
export async function retriedOnceOnUniqueViolation<Result>(
  work: () => Promise<Result>,
): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return work();
  }
}
