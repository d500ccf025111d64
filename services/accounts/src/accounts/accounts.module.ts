import { Module } from '@nestjs/common';
import { AccountAccess } from './account-access';
import { AccountsRepository } from './accounts.repository';
import { AccountsRpc } from './accounts.rpc';
import { AccountsService } from './accounts.service';

@Module({
  providers: [AccountsRpc, AccountsService, AccountsRepository, AccountAccess],
  exports: [AccountAccess, AccountsRepository],
})
export class AccountsModule {}
