import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import {
  toAccountJson,
  toCreateAccountRequest,
  toUpdateAccountRequest,
} from '../mappers/accounts.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { accountsOperations as api } from './accounts.operations';
import {
  createAccountBody,
  listAccountsQuery,
  updateAccountBody,
  type AccountPageResponse,
  type AccountResponse,
  type CreateAccountBody,
  type ListAccountsQuery,
  type UpdateAccountBody,
} from './accounts.schemas';

const accountId = new ZodParamsPipe(idParams);
const method = accounts.AccountsService.method;

@Controller()
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(createAccountBody)) body: CreateAccountBody,
  ): Promise<AccountResponse> {
    const { account } = await this.rpc.call(method.createAccount, {
      ...toCreateAccountRequest(body),
      caller,
    });
    return toAccountJson(answered('accounts', account, 'an account'));
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listAccountsQuery)) { q, ...filters }: ListAccountsQuery,
  ): Promise<AccountPageResponse> {
    const page = await this.rpc.call(method.listAccounts, { ...filters, query: q, caller });
    return { items: page.accounts.map(toAccountJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
  ): Promise<AccountResponse> {
    const { account } = await this.rpc.call(method.getAccount, { caller, accountId: id });
    return toAccountJson(answered('accounts', account, 'an account'));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Body(new ZodBodyPipe(updateAccountBody)) body: UpdateAccountBody,
  ): Promise<AccountResponse> {
    const { account } = await this.rpc.call(method.updateAccount, {
      ...toUpdateAccountRequest(body),
      caller,
      accountId: id,
    });
    return toAccountJson(answered('accounts', account, 'an account'));
  }
}
