import { DomainError } from '@onramp/errors';

/** Where a page of users ended, in the list's order (created_at, id); opaque to clients. */
export interface UserCursor {
  createdAt: Date;
  id: string;
}

export function encodeUserCursor(cursor: UserCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    'base64url',
  );
}

export function decodeUserCursor(text: string): UserCursor {
  try {
    const [createdAt, id] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') {
      const date = new Date(createdAt);
      if (!Number.isNaN(date.getTime())) return { createdAt: date, id };
    }
  } catch {
    // falls through to the validation error below
  }
  throw new DomainError('validation_failed', 'the cursor is not valid', [
    { field: 'cursor', message: 'use the nextCursor of a previous page' },
  ]);
}
