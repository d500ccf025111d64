import { Body, Controller, Param, Query } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { toApiKeyJson } from '../mappers/identity.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { apiKeysOperations as api } from './api-keys.operations';
import {
  createApiKeyBody,
  listApiKeysQuery,
  type ApiKeyListResponse,
  type CreateApiKeyBody,
  type CreatedApiKeyResponse,
  type ListApiKeysQuery,
} from './api-keys.schemas';

const method = identity.IdentityService.method;

@Controller()
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listApiKeysQuery)) query: ListApiKeysQuery,
  ): Promise<ApiKeyListResponse> {
    const { apiKeys } = await this.rpc.call(method.listApiKeys, { ...query, caller });
    return { items: apiKeys.map(toApiKeyJson) };
  }

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(createApiKeyBody)) body: CreateApiKeyBody,
  ): Promise<CreatedApiKeyResponse> {
    const { apiKey, secret } = await this.rpc.call(method.createApiKey, { ...body, caller });
    return { apiKey: toApiKeyJson(answered('identity', apiKey, 'an API key')), secret };
  }

  @Endpoint(api.revoke)
  async revoke(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
  ): Promise<void> {
    await this.rpc.call(method.revokeApiKey, { caller, apiKeyId: id });
  }
}
