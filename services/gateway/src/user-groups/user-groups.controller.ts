import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { toUpdateUserGroupRequest, toUserGroupJson } from '../mappers/accounts.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { userGroupsOperations as api } from './user-groups.operations';
import {
  createUserGroupBody,
  listUserGroupsQuery,
  updateUserGroupBody,
  userGroupParams,
  type CreateUserGroupBody,
  type ListUserGroupsQuery,
  type UpdateUserGroupBody,
  type UserGroupPageResponse,
  type UserGroupParams,
  type UserGroupResponse,
} from './user-groups.schemas';

const accountId = new ZodParamsPipe(idParams);
const params = new ZodParamsPipe(userGroupParams);
const method = accounts.AccountsService.method;

@Controller()
export class UserGroupsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Query(new ZodQueryPipe(listUserGroupsQuery)) { q, ...paging }: ListUserGroupsQuery,
  ): Promise<UserGroupPageResponse> {
    const page = await this.rpc.call(method.listUserGroups, {
      ...paging,
      query: q,
      caller,
      accountId: id,
    });
    return { items: page.userGroups.map(toUserGroupJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Body(new ZodBodyPipe(createUserGroupBody)) body: CreateUserGroupBody,
  ): Promise<UserGroupResponse> {
    const { userGroup } = await this.rpc.call(method.createUserGroup, {
      ...body,
      caller,
      accountId: id,
    });
    return toUserGroupJson(answered('accounts', userGroup, 'a user group'));
  }

  // The path's account goes along: the accounts service authorises the caller on it and answers
  // "not_found" for a user group of any other account.
  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, userGroupId }: UserGroupParams,
    @Body(new ZodBodyPipe(updateUserGroupBody)) body: UpdateUserGroupBody,
  ): Promise<UserGroupResponse> {
    const { userGroup } = await this.rpc.call(method.updateUserGroup, {
      ...toUpdateUserGroupRequest(body),
      caller,
      accountId: id,
      userGroupId,
    });
    return toUserGroupJson(answered('accounts', userGroup, 'a user group'));
  }

  @Endpoint(api.delete)
  async delete(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, userGroupId }: UserGroupParams,
  ): Promise<void> {
    await this.rpc.call(method.deleteUserGroup, { caller, accountId: id, userGroupId });
  }
}
