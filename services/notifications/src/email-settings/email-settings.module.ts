import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { EmailSettingsRpc } from './email-settings.rpc';
import { EmailSettingsService } from './email-settings.service';

@Module({
  imports: [EmailModule],
  providers: [EmailSettingsService, EmailSettingsRpc],
})
export class EmailSettingsModule {}
