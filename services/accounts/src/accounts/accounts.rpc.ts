import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { accountMessage } from './account-message';
import { AccountsService } from './accounts.service';

const methods = accounts.AccountsService.method;

/** The NATS face of accounts. */
@Injectable()
export class AccountsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly accounts: AccountsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createAccount, async (request) => ({
      account: accountMessage(await this.accounts.create(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.getAccount, async (request) => ({
      account: accountMessage(
        await this.accounts.get(requireCaller(request.caller), request.accountId),
      ),
    }));
    this.rpc.handle(methods.listAccounts, async (request) => {
      const { items, nextCursor } = await this.accounts.list(
        requireCaller(request.caller),
        request,
      );
      return { accounts: items.map(accountMessage), nextCursor };
    });
    this.rpc.handle(methods.updateAccount, async (request) => ({
      account: accountMessage(await this.accounts.update(requireCaller(request.caller), request)),
    }));
  }
}
