import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { decodeCursor } from '@onramp/persistence';

/** Where a page of the delivery log ends: the sort key of its last row. */
export interface DeliveryCursor {
  createdAt: Date;
  id: string;
}

/** Reads a cursor written by `page` with the keys [created_at ISO, id]. */
export function decodeDeliveryCursor(text: string): DeliveryCursor {
  const [at, id] = decodeCursor(text, 2) as [string, string];
  const createdAt = new Date(at);
  if (!isUuid(id) || Number.isNaN(createdAt.getTime()))
    throw new DomainError('validation_failed', 'the cursor is not valid', [
      { field: 'cursor', message: 'use the nextCursor of a previous page' },
    ]);
  return { createdAt, id };
}
