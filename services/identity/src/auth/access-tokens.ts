import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { isUuid } from '@onramp/contracts';
import { jwtVerify, SignJWT } from 'jose';
import type { IdentityConfig, SigningKey } from '../config/identity-config';

const ISSUER = 'onramp';
const AUDIENCE = 'onramp-api';
const ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

/** Short-lived JWTs (HS256); the first configured key signs, every key verifies by `kid`. */
@Injectable()
export class AccessTokens {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly signingKey: SigningKey;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: IdentityConfig) {
    this.keys = new Map(config.JWT_SIGNING_KEYS.map((key) => [key.kid, key.secret]));
    this.signingKey = config.JWT_SIGNING_KEYS[0]!;
  }

  async sign(
    claims: AccessTokenClaims,
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.signingKey.kid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.signingKey.secret);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claims of a valid token; undefined for anything forged, expired or malformed. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid === undefined ? undefined : this.keys.get(header.kid);
          if (key === undefined) throw new Error('unknown signing key');
          return key;
        },
        { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] },
      );
      // Identity only signs ids it made, so claims that are not ids are as malformed as a bad
      // signature (and must never reach the uuid columns they are looked up in).
      const { sub, sid } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string' || !isUuid(sub) || !isUuid(sid)) {
        return undefined;
      }
      return { userId: sub, sessionId: sid };
    } catch {
      return undefined;
    }
  }
}
