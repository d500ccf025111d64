import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { decodeCursor, page } from './paging';

/**
 * Keyset paging over rows listed newest first, by (created_at, id) descending: the cursor is the
 * key of the last row of a page.
 */
export interface NewestFirstKey {
  createdAt: Date;
  id: string;
}

/** The order of such a list, as Prisma takes it. */
export const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/** Reads a cursor written by `newestFirstPage`; "validation_failed" for anything else. */
export function decodeNewestFirst(cursor: string | undefined): NewestFirstKey | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, 2) as [string, string];
  const createdAt = new Date(at);
  if (!isUuid(id) || Number.isNaN(createdAt.getTime()))
    throw new DomainError('validation_failed', 'the cursor is not valid', [
      { field: 'cursor', message: 'use the nextCursor of a previous page' },
    ]);
  return { createdAt, id };
}

/** The rows after `key` in this order, as a Prisma where clause (empty for the first page). */
export function olderThan(key: NewestFirstKey | undefined) {
  return key === undefined
    ? {}
    : {
        OR: [
          { createdAt: { lt: key.createdAt } },
          { createdAt: key.createdAt, id: { lt: key.id } },
        ],
      };
}

/** One page of rows fetched with limit + 1 in this order. */
export function newestFirstPage<Row extends NewestFirstKey>(rows: Row[], limit: number) {
  return page(rows, limit, (row) => [row.createdAt.toISOString(), row.id]);
}
