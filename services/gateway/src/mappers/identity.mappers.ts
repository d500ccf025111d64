import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import type { common, identity } from '@onramp/contracts';
import { isGender, type Gender } from '@onramp/user-rules';
import type { ApiKeyResponse } from '../api-keys/api-keys.schemas';
import type { TokensResponse } from '../auth/auth.schemas';
import type { GrantResponse } from '../me/me.schemas';
import type { MembershipResponse } from '../memberships/memberships.schemas';
import type { UserResponse } from '../users/users.schemas';
import { answered, isoOrNull, nonEmptyOrNull } from './proto-values';

// Identity's messages become the public JSON here and only here.

function iso(value: Timestamp | undefined, what: string): string {
  return timestampDate(answered('identity', value, what)).toISOString();
}

export function toMembershipJson(membership: identity.Membership): MembershipResponse {
  return {
    id: membership.id,
    platform: membership.platform,
    accountIds: membership.accountIds,
    roles: membership.roles,
    additionalPermissions: membership.additionalPermissions,
    createdAt: isoOrNull(membership.createdAt),
  };
}

export function toUserJson(user: identity.User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    status: user.status,
    createdAt: isoOrNull(user.createdAt),
    activatedAt: isoOrNull(user.activatedAt),
    lastLoginAt: isoOrNull(user.lastLoginAt),
    gender: genderOrNull(user.gender),
    externalId: nonEmptyOrNull(user.externalId),
    memberships: user.memberships.map(toMembershipJson),
  };
}

function genderOrNull(gender: string): Gender | null {
  return isGender(gender) ? gender : null;
}

export function toApiKeyJson(apiKey: identity.ApiKey): ApiKeyResponse {
  return {
    id: apiKey.id,
    accountId: apiKey.accountId,
    name: apiKey.name,
    prefix: apiKey.prefix,
    permissions: apiKey.permissions,
    createdByUserId: nonEmptyOrNull(apiKey.createdByUserId),
    createdAt: isoOrNull(apiKey.createdAt),
    lastUsedAt: isoOrNull(apiKey.lastUsedAt),
    revokedAt: isoOrNull(apiKey.revokedAt),
  };
}

export function toTokensJson(tokens: identity.TokenPair | undefined): TokensResponse {
  const pair = answered('identity', tokens, 'tokens');
  return {
    accessToken: pair.accessToken,
    accessTokenExpiresAt: iso(pair.accessTokenExpiresAt, 'an access token expiry'),
    refreshToken: pair.refreshToken,
    refreshTokenExpiresAt: iso(pair.refreshTokenExpiresAt, 'a refresh token expiry'),
    tokenType: 'Bearer',
  };
}

export function toGrantJson(grant: common.Grant): GrantResponse {
  return {
    platform: grant.platform,
    accountIds: grant.accountIds,
    roles: grant.roles,
    permissions: grant.permissions,
  };
}
