import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigError, SERVICE_CONFIG } from '@onramp/config';
import type { GatewayEnv } from '../gateway-env';

/** Longer headers are not the credentials configured here; refusing them early costs nothing. */
const MAX_HEADER_LENGTH = 1024;

/** Checks `Authorization: Basic …` against POSTMARK_WEBHOOK_USER and POSTMARK_WEBHOOK_PASSWORD. */
@Injectable()
export class PostmarkWebhookCredentials implements OnModuleInit {
  private readonly expected?: { user: Buffer; password: Buffer };

  constructor(@Inject(SERVICE_CONFIG) private readonly env: GatewayEnv) {
    const { POSTMARK_WEBHOOK_USER: user, POSTMARK_WEBHOOK_PASSWORD: password } = env;
    if (user !== undefined && password !== undefined)
      this.expected = { user: digest(user), password: digest(password) };
  }

  /** Checked at start (a half-configured endpoint stops the gateway with one line). */
  onModuleInit(): void {
    if (
      (this.env.POSTMARK_WEBHOOK_USER === undefined) !==
      (this.env.POSTMARK_WEBHOOK_PASSWORD === undefined)
    )
      throw new ConfigError(
        'POSTMARK_WEBHOOK_USER and POSTMARK_WEBHOOK_PASSWORD must be set together (or neither, to turn the Postmark webhook off)',
      );
  }

  get enabled(): boolean {
    return this.expected !== undefined;
  }

  /**
   * Whether the header carries the configured user and password. Both are compared, always, as
   * digests of equal length in constant time: the answer's timing tells nothing about either.
   */
  accepts(header: string | undefined): boolean {
    if (this.expected === undefined || header === undefined || header.length > MAX_HEADER_LENGTH)
      return false;
    const match = /^Basic +([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
    if (match === null) return false;
    const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return false;
    const userMatches = timingSafeEqual(digest(decoded.slice(0, separator)), this.expected.user);
    const passwordMatches = timingSafeEqual(
      digest(decoded.slice(separator + 1)),
      this.expected.password,
    );
    return userMatches && passwordMatches;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
