import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import type { Account } from '../generated/prisma/client';
import { RpcServer } from '@onramp/messaging';
import { accountMessage } from './account-message';
import { AccountsService } from './accounts.service';
import { PlanCatalogue } from './plan-catalogue';

const methods = accounts.AccountsService.method;

/** The NATS face of accounts. */
@Injectable()
export class AccountsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly accounts: AccountsService,
    private readonly plans: PlanCatalogue,
  ) {}

  private message(account: Account) {
    return accountMessage(account, this.plans);
  }

  onModuleInit(): void {
    this.rpc.handle(methods.createAccount, async (request) => ({
      account: this.message(await this.accounts.create(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.getAccount, async (request) => ({
      account: this.message(
        await this.accounts.get(requireCaller(request.caller), request.accountId),
      ),
    }));
    this.rpc.handle(methods.listAccounts, async (request) => {
      const { items, nextCursor } = await this.accounts.list(
        requireCaller(request.caller),
        request,
      );
      return { accounts: items.map((account) => this.message(account)), nextCursor };
    });
    this.rpc.handle(methods.updateAccount, async (request) => ({
      account: this.message(await this.accounts.update(requireCaller(request.caller), request)),
    }));
  }
}
