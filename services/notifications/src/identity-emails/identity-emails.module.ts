import { Module } from '@nestjs/common';
import { eventTokensProvider } from '@onramp/sealing';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RenderingModule } from '../rendering/rendering.module';
import { IdentityEmailsConsumer } from './identity-emails.consumer';

@Module({
  imports: [DeliveriesModule, RenderingModule],
  providers: [IdentityEmailsConsumer, eventTokensProvider],
})
export class IdentityEmailsModule {}
