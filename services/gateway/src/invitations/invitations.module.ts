import { Module } from '@nestjs/common';
import { JoiningCodesController } from '../joining-codes/joining-codes.controller';
import { RegistrationsController } from '../registrations/registrations.controller';
import { InvitationsController } from './invitations.controller';

/** Everything that brings people in: invitations, joining codes and self-registration. */
@Module({
  controllers: [InvitationsController, JoiningCodesController, RegistrationsController],
})
export class InvitationsModule {}
