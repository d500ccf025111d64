import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { MembershipShape } from '@onramp/authz';
import type { LoginThrottle, PrismaClient } from '../generated/prisma/client';

export interface ClientDetails {
  ip: string;
  userAgent: string;
}

export interface NewRefreshToken {
  tokenHash: string;
  expiresAt: Date;
}

/** Who is logging in: the user of the email, and their password hash if they have set one. */
export interface LoginCandidate {
  id: string;
  status: string;
  passwordHash: string | undefined;
}

export type RotationOutcome =
  { kind: 'rotated'; userId: string; sessionId: string } | { kind: 'reused' } | { kind: 'invalid' };

/** Sessions, refresh tokens, login records and the login back-off. */
@Injectable()
export class AuthRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /**
   * The user an email names, with their password hash: one round trip whether the email is
   * known or not (Prisma would fetch the credential in a second query, only for a known email),
   * so a failed login does not tell by its time that an email has a user.
   */
  async findLoginCandidate(email: string): Promise<LoginCandidate | null> {
    const [row] = await this.database.$queryRaw<LoginCandidateRow[]>`
      SELECT u.id::text AS id, u.status, c.password_hash
      FROM identity.users u
      LEFT JOIN identity.credentials c ON c.user_id = u.id
      WHERE u.email = ${email}`;
    if (row === undefined) return null;
    return { id: row.id, status: row.status, passwordHash: row.password_hash ?? undefined };
  }

  /**
   * After a login verified an imported (or outdated) hash: Onramp's own replaces it, unless the
   * password changed meanwhile (a reset then wins).
   */
  async replacePasswordHash(userId: string, verified: string, replacement: string) {
    await this.database.credential.updateMany({
      where: { userId, passwordHash: verified },
      data: { passwordHash: replacement },
    });
  }

  throttleOf(email: string): Promise<LoginThrottle | null> {
    return this.database.loginThrottle.findUnique({ where: { email } });
  }

  /** Counts the failure against the email (known or not) and records the attempt. */
  async recordFailure(email: string, userId: string | undefined, client: ClientDetails) {
    const now = new Date();
    await this.database.$transaction([
      this.database.loginThrottle.upsert({
        where: { email },
        create: { email, failures: 1, lastFailureAt: now },
        update: { failures: { increment: 1 }, lastFailureAt: now },
      }),
      this.database.loginAttempt.create({
        data: { id: randomUUID(), userId: userId ?? null, at: now, succeeded: false, ...client },
      }),
    ]);
  }

  /** A successful login: resets the back-off, records it, and opens a session. */
  async openSession(
    user: { id: string; email: string },
    client: ClientDetails,
    refreshToken: NewRefreshToken,
  ): Promise<string> {
    const now = new Date();
    const sessionId = randomUUID();
    await this.database.$transaction([
      this.database.loginThrottle.deleteMany({ where: { email: user.email } }),
      this.database.loginAttempt.create({
        data: { id: randomUUID(), userId: user.id, at: now, succeeded: true, ...client },
      }),
      this.database.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
      this.database.session.create({
        data: {
          id: sessionId,
          userId: user.id,
          createdAt: now,
          lastUsedAt: now,
          expiresAt: refreshToken.expiresAt,
          ...client,
          refreshTokens: { create: refreshToken },
        },
      }),
    ]);
    return sessionId;
  }

  /**
   * Exchanges a refresh token for the next one of its family. A token presented a second time
   * means someone else holds a copy: the whole session is revoked (and that revocation commits).
   */
  rotate(tokenHash: string, next: NewRefreshToken): Promise<RotationOutcome> {
    return this.database.$transaction(async (transaction): Promise<RotationOutcome> => {
      const now = new Date();
      const token = await transaction.refreshToken.findUnique({
        where: { tokenHash },
        include: { session: { include: { user: { select: { status: true } } } } },
      });
      if (token === null) return { kind: 'invalid' };
      const revokeFamily = () =>
        transaction.session.updateMany({
          where: { id: token.sessionId, revokedAt: null },
          data: { revokedAt: now },
        });
      if (token.usedAt !== null) {
        await revokeFamily();
        return { kind: 'reused' };
      }
      const { session } = token;
      if (
        token.expiresAt <= now ||
        session.revokedAt !== null ||
        session.expiresAt <= now ||
        session.user.status !== 'active'
      ) {
        return { kind: 'invalid' };
      }
      // Two refreshes racing with one token: the row lock lets one claim it, the other is a reuse.
      const claimed = await transaction.refreshToken.updateMany({
        where: { tokenHash, usedAt: null },
        data: { usedAt: now },
      });
      if (claimed.count === 0) {
        await revokeFamily();
        return { kind: 'reused' };
      }
      await transaction.refreshToken.create({ data: { ...next, sessionId: session.id } });
      await transaction.session.update({
        where: { id: session.id },
        data: { lastUsedAt: now, expiresAt: next.expiresAt },
      });
      return { kind: 'rotated', userId: session.userId, sessionId: session.id };
    });
  }

  async revokeSession(sessionId: string, userId: string): Promise<void> {
    await this.database.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  /** The user of a live session, if that user is active: the first query of Authenticate. */
  /**
   * Runs before every request: in one round trip, whether the session is live and its user
   * active, and that user's memberships (undefined when the session does not count). Raw SQL,
   * because compiling the equivalent Prisma queries cost more than running them.
   */
  async liveSessionMemberships(
    sessionId: string,
    userId: string,
  ): Promise<MembershipShape[] | undefined> {
    const rows = await this.database.$queryRaw<LiveSessionRow[]>`
      SELECT m.platform, m.account_ids::text[] AS account_ids, m.roles, m.additional_permissions
      FROM identity.sessions s
      JOIN identity.users u ON u.id = s.user_id AND u.status = 'active'
      LEFT JOIN identity.memberships m ON m.user_id = u.id
      WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid
        AND s.revoked_at IS NULL AND s.expires_at > now()
      ORDER BY m.created_at`;
    if (rows.length === 0) return undefined;
    return rows.flatMap((row) =>
      row.platform === null
        ? []
        : [
            {
              platform: row.platform,
              accountIds: row.account_ids ?? [],
              roles: row.roles ?? [],
              additionalPermissions: row.additional_permissions ?? [],
            },
          ],
    );
  }
}

/** A live session joined with one of its user's memberships (all null when there is none). */
interface LiveSessionRow {
  platform: boolean | null;
  account_ids: string[] | null;
  roles: string[] | null;
  additional_permissions: string[] | null;
}

interface LoginCandidateRow {
  id: string;
  status: string;
  password_hash: string | null;
}
