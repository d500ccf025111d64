import { Module } from '@nestjs/common';
import { DriverInvitationsConsumer } from './driver-invitations.consumer';
import { DriverInvitationsRepository } from './driver-invitations.repository';

@Module({
  providers: [DriverInvitationsConsumer, DriverInvitationsRepository],
  exports: [DriverInvitationsRepository],
})
export class DriverInvitationsModule {}
