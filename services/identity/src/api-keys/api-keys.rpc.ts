import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { apiKeyMessage, ApiKeysService } from './api-keys.service';

const methods = identity.IdentityService.method;

/** The NATS face of API keys. */
@Injectable()
export class ApiKeysRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly apiKeys: ApiKeysService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createApiKey, async (request) => {
      const { apiKey, secret } = await this.apiKeys.create(requireCaller(request.caller), request);
      return { apiKey: apiKeyMessage(apiKey), secret };
    });
    this.rpc.handle(methods.listApiKeys, async (request) => {
      const keys = await this.apiKeys.list(requireCaller(request.caller), request.accountId);
      return { apiKeys: keys.map(apiKeyMessage) };
    });
    this.rpc.handle(methods.revokeApiKey, async (request) => {
      await this.apiKeys.revoke(requireCaller(request.caller), request.apiKeyId);
      return {};
    });
  }
}
