import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';

/** Where a page of the delivery log ends: the sort key of its last row. */
export interface DeliveryCursor {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: base64url of "<created_at ISO>|<id>". */
export function encodeDeliveryCursor({ createdAt, id }: DeliveryCursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeDeliveryCursor(text: string): DeliveryCursor {
  const [at = '', id = '', ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (rest.length > 0 || !isUuid(id) || Number.isNaN(createdAt.getTime()))
    throw new DomainError('validation_failed', 'the cursor is not valid', [
      { field: 'cursor', message: 'use the nextCursor of a previous page' },
    ]);
  return { createdAt, id };
}
