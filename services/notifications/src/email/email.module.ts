import { Module } from '@nestjs/common';
import { EmailProviderSettingsRepository } from './email-provider-settings.repository';
import { EmailSender } from './email-sender';
import { SettingsCipher } from './settings-cipher';

@Module({
  providers: [EmailSender, EmailProviderSettingsRepository, SettingsCipher],
  exports: [EmailSender, EmailProviderSettingsRepository, SettingsCipher],
})
export class EmailModule {}
