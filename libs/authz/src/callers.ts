import type { common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';

/** The gateway attaches the authenticated Caller; a method acting for someone cannot go without. */
export function requireCaller(caller: common.Caller | undefined): common.Caller {
  if (caller === undefined || (caller.userId === '' && caller.apiKeyId === '')) {
    throw new DomainError('unauthenticated', 'this request needs an authenticated caller');
  }
  return caller;
}

/**
 * The user a request acts as, for "yourself" rules: the user of a session. An API key acts as
 * itself with its own grant, never as the user who created it.
 */
export function actingUserId(caller: common.Caller): string {
  return caller.apiKeyId === '' ? caller.userId : '';
}
