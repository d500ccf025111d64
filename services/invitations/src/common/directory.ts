import { Injectable } from '@nestjs/common';
import type { Caller } from '@onramp/authz';
import { accounts, identity } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';

/** What invitations needs to know of an account: where it sits, what it is called, its language. */
export interface AccountRef {
  id: string;
  /** Its ancestors, top level first, and itself: a grant on any of them covers it. */
  lineage: string[];
  name: string;
  language: string;
  level: string;
  depth: number;
}

/** Asks the services that own accounts and users, always on the caller's behalf. */
@Injectable()
export class Directory {
  constructor(private readonly rpc: RpcClient) {}

  /** "not_found" (from accounts) when the account does not exist or the caller cannot see it. */
  async account(caller: Caller, accountId: string): Promise<AccountRef> {
    const { account } = await this.rpc.call(accounts.AccountsService.method.getAccount, {
      caller,
      accountId,
    });
    if (account === undefined) throw new Error('accounts answered without the account');
    return {
      id: account.id,
      lineage: [...account.ancestorIds, account.id],
      name: account.name,
      language: account.language,
      level: account.level,
      depth: account.depth,
    };
  }

  /** The acting user as identity knows them; undefined for an API key whose creator is gone. */
  async actingUser(caller: Caller): Promise<identity.User | undefined> {
    if (caller.userId === '') return undefined;
    const { user } = await this.rpc.call(identity.IdentityService.method.getUser, {
      caller,
      userId: caller.userId,
    });
    return user;
  }
}
