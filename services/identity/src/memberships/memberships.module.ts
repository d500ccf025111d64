import { Module } from '@nestjs/common';
import { AccountLineagesModule } from '../account-lineages/account-lineages.module';
import { UsersModule } from '../users/users.module';
import { MembershipsRepository } from './memberships.repository';
import { MembershipsRpc } from './memberships.rpc';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [UsersModule, AccountLineagesModule],
  providers: [MembershipsRpc, MembershipsService, MembershipsRepository],
})
export class MembershipsModule {}
