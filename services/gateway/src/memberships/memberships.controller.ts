import { Body, Controller, Param } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe } from '../http/zod.pipes';
import { toMembershipJson } from '../mappers/identity.mappers';
import { answered } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import { membershipsOperations as api } from './memberships.operations';
import {
  membershipBody,
  membershipParams,
  membershipPatchBody,
  type MembershipBody,
  type MembershipParams,
  type MembershipPatchBody,
  type MembershipResponse,
} from './memberships.schemas';
import { MembershipsService } from './memberships.service';

const params = new ZodParamsPipe(membershipParams);

@Controller()
export class MembershipsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly memberships: MembershipsService,
  ) {}

  @Endpoint(api.grant)
  async grant(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
    @Body(new ZodBodyPipe(membershipBody)) body: MembershipBody,
  ): Promise<MembershipResponse> {
    const { membership } = await this.rpc.call(identity.IdentityService.method.grantMembership, {
      caller,
      userId: id,
      membership: body,
    });
    return toMembershipJson(answered('identity', membership, 'a membership'));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) path: MembershipParams,
    @Body(new ZodBodyPipe(membershipPatchBody)) body: MembershipPatchBody,
  ): Promise<MembershipResponse> {
    return toMembershipJson(await this.memberships.update(caller, path, body));
  }

  @Endpoint(api.revoke)
  async revoke(
    @CurrentCaller() caller: common.Caller,
    @Param(params) path: MembershipParams,
  ): Promise<void> {
    await this.memberships.revoke(caller, path);
  }
}
