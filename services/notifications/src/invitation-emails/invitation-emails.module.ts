import { Module } from '@nestjs/common';
import { EventTokensModule } from '@onramp/sealing';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RenderingModule } from '../rendering/rendering.module';
import { InvitationEmailsConsumer } from './invitation-emails.consumer';

@Module({
  imports: [DeliveriesModule, RenderingModule, EventTokensModule],
  providers: [InvitationEmailsConsumer],
})
export class InvitationEmailsModule {}
