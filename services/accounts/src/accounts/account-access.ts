import { isUuid } from '@onramp/contracts';
import { Injectable } from '@nestjs/common';
import { isAllowed, type Caller, type Permission } from '@onramp/authz';
import { DomainError } from '@onramp/errors';
import type { Account } from '../generated/prisma/client';
import { AccountsRepository } from './accounts.repository';

/**
 * Loads an account for a caller. What the caller cannot see is "not_found" (never "forbidden",
 * which would confirm it exists); seen but not allowed is "forbidden". A grant on an ancestor
 * covers the account, since the target is the account's whole path.
 */
@Injectable()
export class AccountAccess {
  constructor(private readonly accounts: AccountsRepository) {}

  async require(
    caller: Caller,
    accountId: string,
    permission: Permission,
    alsoVisibleWith: readonly Permission[] = [],
  ): Promise<Account> {
    const account = isUuid(accountId)
      ? await this.accounts.findById(accountId.toLowerCase())
      : null;
    if (account === null) throw new DomainError('not_found', 'no such account');
    const target = { accountIds: account.path };
    const visible = ['accounts.read' as const, permission, ...alsoVisibleWith].some((needed) =>
      isAllowed(caller, needed, target),
    );
    if (!visible) throw new DomainError('not_found', 'no such account');
    if (!isAllowed(caller, permission, target))
      throw new DomainError('forbidden', `you need ${permission} on this account`);
    return account;
  }
}
