import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DriverInvitationsModule } from '../driver-invitations/driver-invitations.module';
import { GroupsModule } from '../groups/groups.module';
import { DriversRepository } from './drivers.repository';
import { DriversRpc } from './drivers.rpc';
import { DriversService } from './drivers.service';

@Module({
  imports: [AccountsModule, GroupsModule, DriverInvitationsModule],
  providers: [DriversRpc, DriversService, DriversRepository],
  exports: [DriversRepository],
})
export class DriversModule {}
