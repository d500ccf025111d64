import { Injectable } from '@nestjs/common';
import { imports } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { AccountsKind } from './accounts-kind';
import type { ImportKindHandler } from './kind';
import { UsersKind } from './users-kind';

/** The kinds of file an import takes, by the contract's kind. */
@Injectable()
export class KindRegistry {
  private readonly kinds: ReadonlyMap<imports.ImportKind, ImportKindHandler>;

  constructor(accountsKind: AccountsKind, usersKind: UsersKind) {
    this.kinds = new Map<imports.ImportKind, ImportKindHandler>([
      [imports.ImportKind.ACCOUNTS, accountsKind],
      [imports.ImportKind.USERS, usersKind],
    ]);
  }

  of(kind: imports.ImportKind): ImportKindHandler {
    const handler = this.kinds.get(kind);
    if (handler === undefined)
      throw new DomainError('validation_failed', 'no such kind of import', [
        { field: 'kind', message: 'must be "accounts" or "users"' },
      ]);
    return handler;
  }
}
