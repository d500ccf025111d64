import { Module } from '@nestjs/common';
import { AccountMembersModule } from '../account-members/account-members.module';
import { AccountsModule } from '../accounts/accounts.module';
import { GroupsModule } from '../groups/groups.module';
import { DriversRepository } from './drivers.repository';
import { DriversRpc } from './drivers.rpc';
import { DriversService } from './drivers.service';

@Module({
  imports: [AccountsModule, GroupsModule, AccountMembersModule],
  providers: [DriversRpc, DriversService, DriversRepository],
  exports: [DriversRepository],
})
export class DriversModule {}
