import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { AccessTokens } from './access-tokens';
import { AuthRepository } from './auth.repository';
import { AuthRpc } from './auth.rpc';
import { AuthenticateService } from './authenticate.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CredentialsModule, ApiKeysModule],
  providers: [AuthRpc, SessionsService, AuthenticateService, AccessTokens, AuthRepository],
})
export class AuthModule {}
