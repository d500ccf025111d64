import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcServer } from '@onramp/messaging';
import type { ClientDetails } from './auth.repository';
import { AuthenticateService } from './authenticate.service';
import { SessionsService, type Tokens } from './sessions.service';

const methods = identity.IdentityService.method;

// Kept for the security report; bounded so a client cannot store arbitrary amounts of text.
const MAX_IP_LENGTH = 64;
const MAX_USER_AGENT_LENGTH = 512;

/** The NATS face of authentication. */
@Injectable()
export class AuthRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly sessions: SessionsService,
    private readonly authenticate: AuthenticateService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.login, async (request) => ({
      tokens: tokenPair(
        await this.sessions.login({
          email: request.email,
          password: request.password,
          client: clientDetails(request.client),
        }),
      ),
    }));
    this.rpc.handle(methods.refresh, async (request) => ({
      tokens: tokenPair(await this.sessions.refresh(request.refreshToken)),
    }));
    this.rpc.handle(methods.logout, async (request) => {
      await this.sessions.logout(requireCaller(request.caller));
      return {};
    });
    this.rpc.handle(methods.authenticate, async ({ credential }) => {
      switch (credential.case) {
        case 'accessToken':
          return { caller: await this.authenticate.withAccessToken(credential.value) };
        case 'apiKey':
          return { caller: await this.authenticate.withApiKey(credential.value) };
        case undefined:
          throw new DomainError('unauthenticated', 'no credentials were presented');
      }
    });
  }
}

export function clientDetails(client: identity.ClientInfo | undefined): ClientDetails {
  return {
    ip: (client?.ip ?? '').slice(0, MAX_IP_LENGTH),
    userAgent: (client?.userAgent ?? '').slice(0, MAX_USER_AGENT_LENGTH),
  };
}

function tokenPair(tokens: Tokens) {
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: timestampFromDate(tokens.accessTokenExpiresAt),
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: timestampFromDate(tokens.refreshTokenExpiresAt),
  };
}
