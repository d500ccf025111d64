import { Module } from '@nestjs/common';
import { EventTokensModule } from '@onramp/sealing';
import { CommonModule } from '../common/common.module';
import { AcceptanceService } from './acceptance.service';
import { ExpiryScheduler } from './expiry.scheduler';
import { InvitationOutcomesConsumer } from './invitation-outcomes.consumer';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsRpc } from './invitations.rpc';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [CommonModule, EventTokensModule],
  providers: [
    InvitationsRepository,
    InvitationsService,
    AcceptanceService,
    InvitationsRpc,
    ExpiryScheduler,
    InvitationOutcomesConsumer,
  ],
})
export class InvitationsModule {}
