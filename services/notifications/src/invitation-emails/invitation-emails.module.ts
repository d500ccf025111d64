import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RenderingModule } from '../rendering/rendering.module';
import { InvitationEmailsConsumer } from './invitation-emails.consumer';

@Module({ imports: [DeliveriesModule, RenderingModule], providers: [InvitationEmailsConsumer] })
export class InvitationEmailsModule {}
