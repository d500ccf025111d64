import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ImportsModule } from '../imports/imports.module';
import { AccountImportsRepository } from './account-imports.repository';
import { AccountImportsRpc } from './account-imports.rpc';
import { AccountImportsService } from './account-imports.service';

@Module({
  imports: [AccountsModule, ImportsModule],
  providers: [AccountImportsRpc, AccountImportsService, AccountImportsRepository],
})
export class AccountImportsModule {}
