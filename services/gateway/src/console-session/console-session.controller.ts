import { Body, Controller, Req, Res } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loginBody, refreshBody, type LoginBody, type TokensResponse } from '../auth/auth.schemas';
import { CurrentCaller } from '../auth/caller-context';
import { ClientInfo, type Client } from '../auth/client-info';
import { ZodBodyPipe } from '../http/zod.pipes';
import { toTokensJson } from '../mappers/identity.mappers';
import { Endpoint } from '../openapi/operation';
import { consoleSessionOperations as api } from './console-session.operations';
import type { ConsoleSessionResponse } from './console-session.schemas';
import { assertCsrfToken } from './csrf';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from './session-cookies';

/** The cookie holds what a refresh body would: the same bounds apply. */
const refreshToken = refreshBody.shape.refreshToken;

/** Login, refresh and logout of identity, with the refresh token kept in a cookie. */
@Controller()
export class ConsoleSessionController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.create)
  async create(
    @Body(new ZodBodyPipe(loginBody)) body: LoginBody,
    @ClientInfo() client: Client,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsoleSessionResponse> {
    const { tokens } = await this.rpc.call(identity.IdentityService.method.login, {
      ...body,
      client,
    });
    return startSession(reply, toTokensJson(tokens));
  }

  @Endpoint(api.refresh)
  async refresh(
    @Req() request: FastifyRequest,
    @ClientInfo() client: Client,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsoleSessionResponse> {
    assertCsrfToken(request);
    try {
      const cookie = refreshToken.safeParse(request.cookies[REFRESH_COOKIE]);
      if (!cookie.success) throw new DomainError('unauthenticated', 'no console session');
      const { tokens } = await this.rpc.call(identity.IdentityService.method.refresh, {
        refreshToken: cookie.data,
        client,
      });
      return startSession(reply, toTokensJson(tokens));
    } catch (error) {
      // A session that is over is over for the browser too: it stops sending a dead token.
      if (error instanceof DomainError && error.code === 'unauthenticated') {
        clearSessionCookies(reply);
      }
      throw error;
    }
  }

  @Endpoint(api.logout)
  async logout(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: common.Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    assertCsrfToken(request);
    await this.rpc.call(identity.IdentityService.method.logout, { caller });
    clearSessionCookies(reply);
  }
}

function startSession(reply: FastifyReply, tokens: TokensResponse): ConsoleSessionResponse {
  setSessionCookies(reply, tokens.refreshToken, tokens.refreshTokenExpiresAt);
  const { accessToken, accessTokenExpiresAt, tokenType } = tokens;
  return { accessToken, accessTokenExpiresAt, tokenType };
}
