import { Module } from '@nestjs/common';
import { AccountAccess } from './account-access';
import { AccountsRepository } from './accounts.repository';
import { AccountsRpc } from './accounts.rpc';
import { AccountsService } from './accounts.service';
import { PlanCatalogue } from './plan-catalogue';

@Module({
  providers: [AccountsRpc, AccountsService, AccountsRepository, AccountAccess, PlanCatalogue],
  exports: [AccountAccess, AccountsRepository, AccountsService, PlanCatalogue],
})
export class AccountsModule {}
