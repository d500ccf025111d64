import { DomainError } from '@onramp/errors';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** 0 means the default; anything above the maximum is refused rather than silently cut. */
export function pageLimit(limit: number): number {
  if (limit === 0) return DEFAULT_LIMIT;
  if (limit > MAX_LIMIT)
    throw new DomainError('validation_failed', 'the limit is too large', [
      { field: 'limit', message: `must be 1 to ${MAX_LIMIT}` },
    ]);
  return limit;
}

/** A cursor is the sort key of the last row of a page, opaque to clients. */
export function encodeCursor(keys: readonly string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor(text: string, size: number): string[] {
  try {
    const keys = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(keys) &&
      keys.length === size &&
      keys.every((key) => typeof key === 'string' && key.length <= 400)
    )
      return keys as string[];
  } catch {
    // falls through to the validation error below
  }
  throw new DomainError('validation_failed', 'the cursor is not valid', [
    { field: 'cursor', message: 'use the nextCursor of a previous page' },
  ]);
}

/** One page of `rows` fetched with limit + 1: the extra row only says whether more follow. */
export function page<Row>(
  rows: Row[],
  limit: number,
  keysOf: (row: Row) => string[],
): { items: Row[]; nextCursor?: string } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keysOf(items[items.length - 1])) };
}
