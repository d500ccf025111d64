import { Body, Controller, Param, Query } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { toUserJson } from '../mappers/identity.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { usersOperations as api } from './users.operations';
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  type CreateUserBody,
  type ListUsersQuery,
  type UpdateUserBody,
  type UserPageResponse,
  type UserResponse,
} from './users.schemas';

const userId = new ZodParamsPipe(idParams);
const method = identity.IdentityService.method;

@Controller()
export class UsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(createUserBody)) body: CreateUserBody,
  ): Promise<UserResponse> {
    const { user } = await this.rpc.call(method.createUser, {
      ...body,
      language: body.language ?? '',
      caller,
    });
    return toUserJson(answered('identity', user, 'a user'));
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listUsersQuery)) { q, ...filters }: ListUsersQuery,
  ): Promise<UserPageResponse> {
    const page = await this.rpc.call(method.listUsers, { ...filters, query: q, caller });
    return { items: page.users.map(toUserJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
  ): Promise<UserResponse> {
    const { user } = await this.rpc.call(method.getUser, { caller, userId: id });
    return toUserJson(answered('identity', user, 'a user'));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
    @Body(new ZodBodyPipe(updateUserBody)) body: UpdateUserBody,
  ): Promise<UserResponse> {
    const { user } = await this.rpc.call(method.updateUser, { ...body, caller, userId: id });
    return toUserJson(answered('identity', user, 'a user'));
  }

  @Endpoint(api.delete)
  async delete(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
  ): Promise<void> {
    await this.rpc.call(method.deleteUser, { caller, userId: id });
  }

  @Endpoint(api.deactivate)
  async deactivate(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
  ): Promise<UserResponse> {
    const { user } = await this.rpc.call(method.deactivateUser, { caller, userId: id });
    return toUserJson(answered('identity', user, 'a user'));
  }

  @Endpoint(api.reactivate)
  async reactivate(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
  ): Promise<UserResponse> {
    const { user } = await this.rpc.call(method.reactivateUser, { caller, userId: id });
    return toUserJson(answered('identity', user, 'a user'));
  }

  @Endpoint(api.requestSecurityReport)
  async requestSecurityReport(
    @CurrentCaller() caller: common.Caller,
    @Param(userId) { id }: { id: string },
  ): Promise<void> {
    await this.rpc.call(method.requestSecurityReport, { caller, userId: id });
  }
}
