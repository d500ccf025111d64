import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { identity } from '@onramp/contracts';
import type { Membership, User } from '../generated/prisma/client';

export type UserWithMemberships = User & { memberships: Membership[] };

export function membershipMessage(
  membership: Membership,
): MessageInitShape<typeof identity.MembershipSchema> {
  return {
    id: membership.id,
    userId: membership.userId,
    platform: membership.platform,
    accountIds: membership.accountIds,
    roles: membership.roles,
    additionalPermissions: membership.additionalPermissions,
    createdAt: timestampFromDate(membership.createdAt),
  };
}

export function userMessage(
  user: UserWithMemberships,
): MessageInitShape<typeof identity.UserSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    status: user.status,
    createdAt: timestampFromDate(user.createdAt),
    activatedAt: user.activatedAt === null ? undefined : timestampFromDate(user.activatedAt),
    lastLoginAt: user.lastLoginAt === null ? undefined : timestampFromDate(user.lastLoginAt),
    gender: user.gender,
    externalId: user.externalId ?? '',
    memberships: user.memberships.map(membershipMessage),
  };
}
