import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { UsersModule } from '../users/users.module';
import { MembershipsRepository } from './memberships.repository';
import { MembershipsRpc } from './memberships.rpc';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [UsersModule, AccountTreeModule],
  providers: [MembershipsRpc, MembershipsService, MembershipsRepository],
})
export class MembershipsModule {}
