import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { MembershipShape } from '@onramp/authz';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { membershipMessage } from '../users/user-message';
import { MembershipsService } from './memberships.service';

const methods = identity.IdentityService.method;
const EMPTY_SPEC: MembershipShape = {
  platform: false,
  accountIds: [],
  roles: [],
  additionalPermissions: [],
};

/** The NATS face of memberships. */
@Injectable()
export class MembershipsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly memberships: MembershipsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.grantMembership, async (request) => {
      const membership = await this.memberships.grant(
        requireCaller(request.caller),
        request.userId,
        request.membership ?? EMPTY_SPEC,
      );
      return { membership: membershipMessage(membership) };
    });
    this.rpc.handle(methods.updateMembership, async (request) => {
      const membership = await this.memberships.update(
        requireCaller(request.caller),
        request.membershipId,
        request.membership ?? EMPTY_SPEC,
      );
      return { membership: membershipMessage(membership) };
    });
    this.rpc.handle(methods.revokeMembership, async (request) => {
      await this.memberships.revoke(requireCaller(request.caller), request.membershipId);
      return {};
    });
  }
}
