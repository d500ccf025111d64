import { Body, Controller } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { ZodBodyPipe } from '../http/zod.pipes';
import { toTokensJson } from '../mappers/identity.mappers';
import { Endpoint } from '../openapi/operation';
import { authOperations as api } from './auth.operations';
import {
  loginBody,
  passwordResetBody,
  passwordResetConfirmBody,
  refreshBody,
  type AcceptedResponse,
  type LoginBody,
  type PasswordResetBody,
  type PasswordResetConfirmBody,
  type RefreshBody,
  type TokensResponse,
} from './auth.schemas';
import { CurrentCaller } from './caller-context';
import { ClientInfo, type Client } from './client-info';

@Controller()
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.login)
  async login(
    @Body(new ZodBodyPipe(loginBody)) body: LoginBody,
    @ClientInfo() client: Client,
  ): Promise<TokensResponse> {
    const { tokens } = await this.rpc.call(identity.IdentityService.method.login, {
      ...body,
      client,
    });
    return toTokensJson(tokens);
  }

  @Endpoint(api.refresh)
  async refresh(
    @Body(new ZodBodyPipe(refreshBody)) body: RefreshBody,
    @ClientInfo() client: Client,
  ): Promise<TokensResponse> {
    const { tokens } = await this.rpc.call(identity.IdentityService.method.refresh, {
      ...body,
      client,
    });
    return toTokensJson(tokens);
  }

  @Endpoint(api.logout)
  async logout(@CurrentCaller() caller: common.Caller): Promise<void> {
    await this.rpc.call(identity.IdentityService.method.logout, { caller });
  }

  @Endpoint(api.requestPasswordReset)
  async requestPasswordReset(
    @Body(new ZodBodyPipe(passwordResetBody)) body: PasswordResetBody,
    @ClientInfo() client: Client,
  ): Promise<AcceptedResponse> {
    await this.rpc.call(identity.IdentityService.method.requestPasswordReset, {
      ...body,
      client,
    });
    return { status: 'accepted' };
  }

  @Endpoint(api.confirmPasswordReset)
  async confirmPasswordReset(
    @Body(new ZodBodyPipe(passwordResetConfirmBody)) body: PasswordResetConfirmBody,
  ): Promise<void> {
    await this.rpc.call(identity.IdentityService.method.confirmPasswordReset, body);
  }
}
