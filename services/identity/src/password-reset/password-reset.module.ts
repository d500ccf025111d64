import { Module } from '@nestjs/common';
import { eventTokensProvider } from '@onramp/sealing';
import { CredentialsModule } from '../credentials/credentials.module';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetRpc } from './password-reset.rpc';
import { PasswordResetService } from './password-reset.service';

@Module({
  imports: [CredentialsModule],
  providers: [PasswordResetRpc, PasswordResetService, PasswordResetRepository, eventTokensProvider],
})
export class PasswordResetModule {}
