import { Body, Controller, Param, Query } from '@nestjs/common';
import { invitations, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { ClientInfo, type Client } from '../auth/client-info';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { Endpoint } from '../openapi/operation';
import { answered } from '../mappers/proto-values';
import { toJoiningCodeJson } from './joining-codes.mappers';
import { joiningCodesOperations as api } from './joining-codes.operations';
import {
  listJoiningCodesQuery,
  redeemJoiningCodeBody,
  type CreateJoiningCodeBody,
  type JoiningCodePageResponse,
  type JoiningCodeResponse,
  type ListJoiningCodesQuery,
  type RedeemedJoiningCodeResponse,
  type RedeemJoiningCodeBody,
} from './joining-codes.schemas';

const byId = new ZodParamsPipe(idParams);
const method = invitations.InvitationsService.method;

@Controller()
export class JoiningCodesController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
    @Body(ZodBodyPipe.of(api.create)) body: CreateJoiningCodeBody,
  ): Promise<JoiningCodeResponse> {
    const { joiningCode } = await this.rpc.call(method.createJoiningCode, {
      caller,
      accountId: id,
      role: body.role,
      maxUses: body.maxUses ?? 0,
      validDays: body.validDays ?? 0,
    });
    return toJoiningCodeJson(answered('invitations', joiningCode, 'a joining code'));
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
    @Query(new ZodQueryPipe(listJoiningCodesQuery)) query: ListJoiningCodesQuery,
  ): Promise<JoiningCodePageResponse> {
    const page = await this.rpc.call(method.listJoiningCodes, {
      ...query,
      caller,
      accountId: id,
    });
    return {
      items: page.joiningCodes.map(toJoiningCodeJson),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Endpoint(api.rotate)
  async rotate(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
  ): Promise<JoiningCodeResponse> {
    const { joiningCode } = await this.rpc.call(method.rotateJoiningCode, {
      caller,
      joiningCodeId: id,
    });
    return toJoiningCodeJson(answered('invitations', joiningCode, 'a joining code'));
  }

  @Endpoint(api.revoke)
  async revoke(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
  ): Promise<JoiningCodeResponse> {
    const { joiningCode } = await this.rpc.call(method.revokeJoiningCode, {
      caller,
      joiningCodeId: id,
    });
    return toJoiningCodeJson(answered('invitations', joiningCode, 'a joining code'));
  }

  @Endpoint(api.redeem)
  async redeem(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(redeemJoiningCodeBody)) { code }: RedeemJoiningCodeBody,
    @ClientInfo() { ip }: Client,
  ): Promise<RedeemedJoiningCodeResponse> {
    const joined = await this.rpc.call(method.redeemJoiningCode, { caller, code, ip });
    return { accountId: joined.accountId, accountName: joined.accountName, role: joined.role };
  }
}
