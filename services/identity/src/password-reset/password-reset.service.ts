import { Inject, Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { SERVICE_CONFIG } from '@onramp/config';
import { identity, tokenContext } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { EventTokens } from '@onramp/sealing';
import { MAX_EMAIL_LENGTH } from '@onramp/user-rules';
import type { IdentityConfig } from '../config/identity-config';
import { AcceptedPasswords } from '../credentials/accepted-passwords';
import { PasswordHasher } from '../credentials/password-hasher';
import type { Prisma } from '../generated/prisma/client';
import { randomToken, sha256Hex } from '../secrets';
import { normaliseEmail } from '../users/user-fields';
import { PasswordResetRepository } from './password-reset.repository';

const INVALID_LINK = 'the reset link is invalid or has expired';

/**
 * Password reset in two steps so that the request reveals nothing: the RPC only records that
 * someone asked (same work for any email); the event consumer issues a token if the user exists.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly repository: PasswordResetRepository,
    private readonly outbox: Outbox,
    private readonly passwords: AcceptedPasswords,
    private readonly hasher: PasswordHasher,
    private readonly tokens: EventTokens,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async request(email: string, ip: string): Promise<void> {
    const normalised = normaliseEmail(email);
    if (normalised === '' || normalised.length > MAX_EMAIL_LENGTH) {
      throw new DomainError('validation_failed', 'an email address is required', [
        { field: 'email', message: 'must be an email address' },
      ]);
    }
    await this.repository.inTransaction((transaction) =>
      this.outbox.append(transaction, identity.PasswordResetRequestedSchema, {
        email: normalised,
        ip,
        occurredAt: timestampFromDate(new Date()),
      }),
    );
    this.outbox.nudge();
  }

  /** Consumer side: issues a token for an active user; unknown emails end here, silently. */
  async issue(
    event: identity.PasswordResetRequested,
    transaction: Prisma.TransactionClient,
  ): Promise<void> {
    const user = await this.repository.findActiveUserByEmail(transaction, event.email);
    if (user === null) return;
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_SECONDS * 1000);
    await this.repository.replaceToken(transaction, {
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt,
    });
    await this.outbox.append(transaction, identity.PasswordResetIssuedSchema, {
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      token: this.tokens.forEvent(token, tokenContext.passwordReset(user.id)),
      expiresAt: timestampFromDate(expiresAt),
      occurredAt: timestampFromDate(new Date()),
    });
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const tokenHash = sha256Hex(token);
    const user = await this.repository.userOfValidToken(tokenHash);
    if (user === null) throw new DomainError('validation_failed', INVALID_LINK);
    this.passwords.assertAcceptable(newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    const changed = await this.repository.consume(tokenHash, user, passwordHash, (transaction) =>
      this.outbox.append(transaction, identity.PasswordChangedSchema, {
        userId: user.id,
        reason: 'reset',
        occurredAt: timestampFromDate(new Date()),
      }),
    );
    if (!changed) throw new DomainError('validation_failed', INVALID_LINK);
    this.outbox.nudge();
  }
}
