import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { GroupsRepository } from './groups.repository';
import { GroupsRpc } from './groups.rpc';
import { GroupsService } from './groups.service';

@Module({
  imports: [AccountsModule],
  providers: [GroupsRpc, GroupsService, GroupsRepository],
  exports: [GroupsService, GroupsRepository],
})
export class GroupsModule {}
