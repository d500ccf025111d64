import { Injectable } from '@nestjs/common';
import {
  isAllowed,
  mayGrant,
  membershipViolations,
  type Caller,
  type MembershipShape,
} from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { AccountTree, type LineageOf } from '@onramp/account-tree';
import type { Membership } from '../generated/prisma/client';
import { UserEvents } from '../users/user-events';
import { UserLookup } from '../users/user-lookup';
import { MembershipsRepository } from './memberships.repository';

const NO_SUCH_MEMBERSHIP = 'no such membership';

/**
 * Memberships say who may act where. Nobody grants more than they hold (`mayGrant`), and nobody
 * changes their own memberships at all: that is how a user cannot escalate their own roles.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly repository: MembershipsRepository,
    private readonly lookup: UserLookup,
    private readonly events: UserEvents,
    private readonly lineages: AccountTree,
  ) {}

  async grant(caller: Caller, userId: string, spec: MembershipShape): Promise<Membership> {
    refuseOwn(caller, userId);
    assertWellFormed(spec);
    // Joining a user to an account takes their consent (an invitation or a joining code, both
    // through provisioning) unless the caller already manages memberships where the user is.
    // To anyone else the user does not exist: the same answer as an unknown id.
    const { user } = await this.lookup.withLineages(
      caller,
      userId,
      'no such user',
      'memberships.manage',
    );
    assertMayGrant(caller, spec, await this.lineages.lineagesOf(spec.accountIds));
    const membership = await this.repository.create(user.id, spec, (transaction, created) =>
      this.events.membershipsGranted(transaction, [created], caller.userId),
    );
    this.events.nudge();
    return membership;
  }

  async update(caller: Caller, membershipId: string, spec: MembershipShape): Promise<Membership> {
    const existing = await this.manageable(caller, membershipId);
    assertWellFormed(spec);
    assertMayGrant(caller, spec, await this.lineages.lineagesOf(spec.accountIds));
    const membership = await this.repository.update(existing.id, spec, (transaction, updated) =>
      this.events.membershipUpdated(transaction, updated, caller.userId),
    );
    if (membership === null) throw noSuchMembership();
    this.events.nudge();
    return membership;
  }

  async revoke(caller: Caller, membershipId: string): Promise<void> {
    const existing = await this.manageable(caller, membershipId);
    const revoked = await this.repository.delete(existing.id, (transaction, membership) =>
      this.events.membershipRevoked(transaction, membership, caller.userId),
    );
    // Revoked meanwhile by a concurrent request: to this one it is as gone as any unknown id.
    if (revoked === null) throw noSuchMembership();
    this.events.nudge();
  }

  /** The membership, if the caller may manage memberships over the whole of its scope. */
  private async manageable(caller: Caller, membershipId: string): Promise<Membership> {
    const membership = isUuid(membershipId) ? await this.repository.findById(membershipId) : null;
    if (membership === null) throw noSuchMembership();
    const { lineageOf } = await this.lookup.withLineages(
      caller,
      membership.userId,
      NO_SUCH_MEMBERSHIP,
    );
    refuseOwn(caller, membership.userId);
    const targets = membership.platform
      ? [{ platform: true } as const]
      : membership.accountIds.map((accountId) => ({ accountIds: lineageOf(accountId) }));
    if (!targets.every((target) => isAllowed(caller, 'memberships.manage', target))) {
      throw new DomainError('forbidden', 'you may not manage this membership');
    }
    return membership;
  }
}

function noSuchMembership(): DomainError {
  return new DomainError('not_found', NO_SUCH_MEMBERSHIP);
}

function refuseOwn(caller: Caller, userId: string): void {
  if (caller.userId !== '' && caller.userId === userId) {
    throw new DomainError('forbidden', 'you cannot change your own memberships');
  }
}

function assertWellFormed(spec: MembershipShape): void {
  const violations = membershipViolations(spec).map(({ field, message }) => ({
    field: `membership.${field}`,
    message,
  }));
  if (violations.length > 0) {
    throw new DomainError('validation_failed', 'the membership is not valid', violations);
  }
}

function assertMayGrant(caller: Caller, spec: MembershipShape, lineageOf: LineageOf): void {
  if (!mayGrant(caller, spec, lineageOf)) {
    throw new DomainError('forbidden', 'you may not grant more than you hold where you hold it');
  }
}
