import type { FastifyRequest } from 'fastify';
import { jwtVerify, type CryptoKey } from 'jose';
import type { Pool } from 'pg';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenAlgorithm } from './tokens';

/** The signed-in user a request acts as, as the one query below reads them. */
export interface Caller {
  id: string;
  email: string;
  name: string;
  language: string;
  status: string;
  roles: string[];
  created_at: Date;
  activated_at: Date | null;
  last_login_at: Date | null;
}

// A token names ids only; anything else must not reach the uuid columns below (a 500 otherwise).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The session live and its user active, in one round trip; prepared once per pool connection.
const LIVE_CALLER = {
  name: 'live-caller',
  text: `SELECT u.id, u.email, u.name, u.language, u.status, u.roles,
                u.created_at, u.activated_at, u.last_login_at
           FROM baseline.sessions s JOIN baseline.users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL
            AND s.expires_at > now() AND u.status = 'active'`,
};

/** Bearer JWT → the live caller, or undefined for a missing, forged or expired token or session. */
export class Callers {
  constructor(
    private readonly pool: Pool,
    private readonly key: CryptoKey | Uint8Array,
    private readonly algorithm: TokenAlgorithm,
  ) {}

  async of(request: FastifyRequest): Promise<Caller | undefined> {
    const header = request.headers.authorization;
    if (header === undefined || !header.startsWith('Bearer ')) return undefined;
    const claims = await this.claimsOf(header.slice('Bearer '.length));
    if (claims === undefined) return undefined;
    const { rows } = await this.pool.query<Caller>({
      ...LIVE_CALLER,
      values: [claims.sessionId, claims.userId],
    });
    return rows[0];
  }

  private async claimsOf(
    token: string,
  ): Promise<{ userId: string; sessionId: string } | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: [this.algorithm],
      });
      const { sub, sid } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string') return undefined;
      return UUID.test(sub) && UUID.test(sid) ? { userId: sub, sessionId: sid } : undefined;
    } catch {
      return undefined;
    }
  }
}
