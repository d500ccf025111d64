import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { AccountImportsService } from './account-imports.service';

const methods = accounts.AccountsService.method;

/** The NATS face of the accounts import and export. */
@Injectable()
export class AccountImportsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: AccountImportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.importAccounts, async (request) => ({
      results: await this.imports.import(requireCaller(request.caller), request),
    }));
    this.rpc.handle(methods.resolveAccounts, async (request) => ({
      accounts: await this.imports.resolve(requireCaller(request.caller), request.references),
    }));
    this.rpc.handle(methods.exportAccounts, (request) =>
      this.imports.export(requireCaller(request.caller), request),
    );
  }
}
