import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { toCostCenterJson } from '../mappers/accounts.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { costCentersOperations as api } from './cost-centers.operations';
import {
  costCenterBody,
  costCenterParams,
  listCostCentersQuery,
  type CostCenterBody,
  type CostCenterPageResponse,
  type CostCenterParams,
  type CostCenterResponse,
  type ListCostCentersQuery,
} from './cost-centers.schemas';

const accountId = new ZodParamsPipe(idParams);
const params = new ZodParamsPipe(costCenterParams);
const body = new ZodBodyPipe(costCenterBody);
const method = accounts.AccountsService.method;

@Controller()
export class CostCentersController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Query(new ZodQueryPipe(listCostCentersQuery)) { q, ...paging }: ListCostCentersQuery,
  ): Promise<CostCenterPageResponse> {
    const page = await this.rpc.call(method.listCostCenters, {
      ...paging,
      query: q,
      caller,
      accountId: id,
    });
    return { items: page.costCenters.map(toCostCenterJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Body(body) { name }: CostCenterBody,
  ): Promise<CostCenterResponse> {
    const { costCenter } = await this.rpc.call(method.createCostCenter, {
      caller,
      accountId: id,
      name,
    });
    return toCostCenterJson(answered('accounts', costCenter, 'a cost center'));
  }

  // The path's account goes along: the accounts service authorises the caller on it and answers
  // "not_found" for a cost center of any other account.
  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, costCenterId }: CostCenterParams,
    @Body(body) { name }: CostCenterBody,
  ): Promise<CostCenterResponse> {
    const { costCenter } = await this.rpc.call(method.updateCostCenter, {
      caller,
      accountId: id,
      costCenterId,
      name,
    });
    return toCostCenterJson(answered('accounts', costCenter, 'a cost center'));
  }

  @Endpoint(api.delete)
  async delete(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, costCenterId }: CostCenterParams,
  ): Promise<void> {
    await this.rpc.call(method.deleteCostCenter, { caller, accountId: id, costCenterId });
  }
}
