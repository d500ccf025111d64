import type { common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';

/** The gateway attaches the authenticated Caller; a method acting for someone cannot go without. */
export function requireCaller(caller: common.Caller | undefined): common.Caller {
  if (caller === undefined || (caller.userId === '' && caller.apiKeyId === '')) {
    throw new DomainError('unauthenticated', 'this request needs an authenticated caller');
  }
  return caller;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive as text; one that is not a UUID names nothing (and must not reach Postgres). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
