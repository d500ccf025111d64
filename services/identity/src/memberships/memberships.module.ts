import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MembershipsRepository } from './memberships.repository';
import { MembershipsRpc } from './memberships.rpc';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [UsersModule],
  providers: [MembershipsRpc, MembershipsService, MembershipsRepository],
})
export class MembershipsModule {}
