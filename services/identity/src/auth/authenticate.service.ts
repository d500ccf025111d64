import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { grantOf } from '@onramp/authz';
import { common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { parseApiKey } from '../api-keys/api-key-format';
import { ApiKeysRepository } from '../api-keys/api-keys.repository';
import { sha256 } from '../secrets';
import { AccessTokens } from './access-tokens';
import { AuthRepository } from './auth.repository';

// The same answer for every failure: which part was wrong is nobody's business.
const NOT_AUTHENTICATED = 'the credentials are invalid or have expired';

/**
 * Resolves an access token or API key into the Caller. It runs before every request, so it
 * costs one or two indexed queries and never a password hash.
 */
@Injectable()
export class AuthenticateService {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly repository: AuthRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  async withAccessToken(token: string): Promise<common.Caller> {
    const claims = await this.accessTokens.verify(token);
    // Checked on every request: deactivation or logout takes effect before the token expires.
    const memberships =
      claims === undefined
        ? undefined
        : await this.repository.liveSessionMemberships(claims.sessionId, claims.userId);
    if (claims === undefined || memberships === undefined) throw unauthenticated();
    return create(common.CallerSchema, {
      userId: claims.userId,
      sessionId: claims.sessionId,
      grants: memberships.map(grantOf),
    });
  }

  async withApiKey(apiKey: string): Promise<common.Caller> {
    const parsed = parseApiKey(apiKey);
    const key = parsed === undefined ? null : await this.apiKeys.findById(parsed.id);
    if (
      parsed === undefined ||
      key === null ||
      key.revokedAt !== null ||
      !timingSafeEqual(sha256(parsed.secret), key.secretHash)
    ) {
      throw unauthenticated();
    }
    await this.apiKeys.recordUse(key, new Date());
    return create(common.CallerSchema, {
      userId: key.createdByUserId ?? '',
      apiKeyId: key.id,
      grants: [
        { platform: false, accountIds: [key.accountId], roles: [], permissions: key.permissions },
      ],
    });
  }
}

function unauthenticated(): DomainError {
  return new DomainError('unauthenticated', NOT_AUTHENTICATED);
}
