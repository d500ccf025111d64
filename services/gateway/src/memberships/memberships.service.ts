import { Injectable } from '@nestjs/common';
import { identity, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { answered } from '../mappers/proto-values';
import type { MembershipParams, MembershipPatchBody } from './memberships.schemas';

const method = identity.IdentityService.method;

/**
 * Identity addresses memberships by their own id; the public path nests them under their user,
 * so the gateway makes sure the two belong together before changing anything.
 */
@Injectable()
export class MembershipsService {
  constructor(private readonly rpc: RpcClient) {}

  async update(
    caller: common.Caller,
    { id, membershipId }: MembershipParams,
    patch: MembershipPatchBody,
  ): Promise<identity.Membership> {
    const current = await this.find(caller, id, membershipId);
    const { membership } = await this.rpc.call(method.updateMembership, {
      caller,
      membershipId,
      membership: {
        platform: patch.platform ?? current.platform,
        accountIds: patch.accountIds ?? current.accountIds,
        roles: patch.roles ?? current.roles,
        additionalPermissions: patch.additionalPermissions ?? current.additionalPermissions,
      },
    });
    return answered('identity', membership, 'a membership');
  }

  async revoke(caller: common.Caller, { id, membershipId }: MembershipParams): Promise<void> {
    await this.find(caller, id, membershipId);
    await this.rpc.call(method.revokeMembership, { caller, membershipId });
  }

  private async find(
    caller: common.Caller,
    userId: string,
    membershipId: string,
  ): Promise<identity.Membership> {
    const { user } = await this.rpc.call(method.getUser, { caller, userId });
    const membership = answered('identity', user, 'a user').memberships.find(
      ({ id }) => id === membershipId,
    );
    if (membership === undefined) {
      throw new DomainError('not_found', 'the user has no such membership');
    }
    return membership;
  }
}
