import { Body, Controller } from '@nestjs/common';
import { DomainError } from '@onramp/errors';
import { identity, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { toGrantJson, toUserJson } from '../mappers/identity.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { ZodBodyPipe } from '../http/zod.pipes';
import type { UserResponse } from '../users/users.schemas';
import { meOperations as api } from './me.operations';
import { updateMeBody, type MeResponse, type UpdateMeBody } from './me.schemas';

@Controller()
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.get)
  async get(@CurrentCaller() caller: common.Caller): Promise<MeResponse> {
    const grants = caller.grants.map(toGrantJson);
    // An API key acts for its account, not as the user who created it.
    if (caller.apiKeyId !== '') return { user: null, apiKeyId: caller.apiKeyId, grants };
    const { user } = await this.rpc.call(identity.IdentityService.method.getUser, {
      caller,
      userId: caller.userId,
    });
    return { user: toUserJson(answered('identity', user, 'a user')), grants };
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(updateMeBody)) body: UpdateMeBody,
  ): Promise<UserResponse> {
    if (caller.apiKeyId !== '') {
      throw new DomainError('validation_failed', 'an API key has no profile of its own');
    }
    const { user } = await this.rpc.call(identity.IdentityService.method.updateUser, {
      caller,
      userId: caller.userId,
      ...body,
    });
    return toUserJson(answered('identity', user, 'a user'));
  }
}
