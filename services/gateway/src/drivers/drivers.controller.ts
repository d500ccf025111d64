import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { toDriverJson, toUpdateDriverRequest } from '../mappers/accounts.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { driversOperations as api } from './drivers.operations';
import {
  driverParams,
  listDriversQuery,
  updateDriverBody,
  type DriverPageResponse,
  type DriverParams,
  type DriverResponse,
  type ListDriversQuery,
  type UpdateDriverBody,
} from './drivers.schemas';

const params = new ZodParamsPipe(driverParams);
const method = accounts.AccountsService.method;

@Controller()
export class DriversController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
    @Query(new ZodQueryPipe(listDriversQuery)) query: ListDriversQuery,
  ): Promise<DriverPageResponse> {
    const { q, ...paging } = query;
    const page = await this.rpc.call(method.listDrivers, {
      ...paging,
      query: q,
      caller,
      accountId: id,
    });
    return { items: page.drivers.map(toDriverJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, userId }: DriverParams,
  ): Promise<DriverResponse> {
    const { driver } = await this.rpc.call(method.getDriver, { caller, accountId: id, userId });
    return toDriverJson(answered('accounts', driver, 'a driver'));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, userId }: DriverParams,
    @Body(new ZodBodyPipe(updateDriverBody)) body: UpdateDriverBody,
  ): Promise<DriverResponse> {
    const { driver } = await this.rpc.call(method.updateDriver, {
      ...toUpdateDriverRequest(body),
      caller,
      accountId: id,
      userId,
    });
    return toDriverJson(answered('accounts', driver, 'a driver'));
  }
}
