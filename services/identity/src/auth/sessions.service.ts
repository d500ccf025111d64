import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@onramp/authz';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import { MAX_LOGIN_PASSWORD_LENGTH } from '@onramp/user-rules';
import type { IdentityConfig } from '../config/identity-config';
import { PasswordHasher } from '../credentials/password-hasher';
import { randomToken, sha256Hex } from '../secrets';
import { normaliseEmail } from '../users/user-fields';
import { AccessTokens } from './access-tokens';
import { AuthRepository, type ClientDetails } from './auth.repository';
import { secondsUntilNextAttempt } from './login-backoff';

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

// One answer for every way a login can fail, so it reveals nothing about the account.
const LOGIN_FAILED = 'email or password is incorrect';
const REFRESH_FAILED = 'the refresh token is invalid or has expired';

/** Login, refresh-token rotation and logout. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly accessTokens: AccessTokens,
    private readonly hasher: PasswordHasher,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async login(input: { email: string; password: string; client: ClientDetails }): Promise<Tokens> {
    const email = normaliseEmail(input.email);
    const wait = secondsUntilNextAttempt(
      await this.repository.throttleOf(email),
      {
        freeFailures: this.config.LOGIN_FREE_FAILURES,
        maxDelaySeconds: this.config.LOGIN_MAX_DELAY_SECONDS,
      },
      new Date(),
    );
    // Inside the window the password is not even checked: a guess there tells nothing.
    if (wait > 0) throw DomainError.rateLimited('too many failed logins; try again later', wait);

    const user = await this.repository.findLoginCandidate(email);
    // An absurdly long password cannot match and is not worth hashing.
    const password = input.password.slice(0, MAX_LOGIN_PASSWORD_LENGTH);
    const matches = await this.hasher.verifyOrWaste(user?.passwordHash, password);
    if (!matches || user?.status !== 'active') {
      await this.repository.recordFailure(email, user?.id, input.client);
      throw new DomainError('unauthenticated', LOGIN_FAILED);
    }
    // A legacy hash that just verified is replaced by Onramp's own, so it is used once.
    const verified = user.passwordHash;
    if (verified !== undefined && this.hasher.needsRehash(verified)) {
      await this.repository.replacePasswordHash(
        user.id,
        verified,
        await this.hasher.hash(password),
      );
    }
    const refresh = this.newRefreshToken();
    const sessionId = await this.repository.openSession({ id: user.id, email }, input.client, {
      tokenHash: refresh.tokenHash,
      expiresAt: refresh.expiresAt,
    });
    return this.tokens(user.id, sessionId, refresh);
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const next = this.newRefreshToken();
    const outcome = await this.repository.rotate(sha256Hex(refreshToken), {
      tokenHash: next.tokenHash,
      expiresAt: next.expiresAt,
    });
    if (outcome.kind !== 'rotated') throw new DomainError('unauthenticated', REFRESH_FAILED);
    return this.tokens(outcome.userId, outcome.sessionId, next);
  }

  async logout(caller: Caller): Promise<void> {
    if (caller.sessionId === '') {
      throw new DomainError('validation_failed', 'log out applies to sessions');
    }
    await this.repository.revokeSession(caller.sessionId, caller.userId);
  }

  private newRefreshToken() {
    const token = randomToken();
    return {
      token,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    };
  }

  private async tokens(
    userId: string,
    sessionId: string,
    refresh: { token: string; expiresAt: Date },
  ): Promise<Tokens> {
    const access = await this.accessTokens.sign({ userId, sessionId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }
}
