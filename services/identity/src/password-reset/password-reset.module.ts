import { Module } from '@nestjs/common';
import { EventTokensModule } from '@onramp/sealing';
import { CredentialsModule } from '../credentials/credentials.module';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetRpc } from './password-reset.rpc';
import { PasswordResetService } from './password-reset.service';

@Module({
  imports: [CredentialsModule, EventTokensModule],
  providers: [PasswordResetRpc, PasswordResetService, PasswordResetRepository],
})
export class PasswordResetModule {}
