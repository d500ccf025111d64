import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import type { NotificationsConfig } from '../config/notifications-config';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
const IV_BYTES = 12;

/**
 * AES-256-GCM with a fresh IV per value: "v1.<iv>.<auth tag>.<ciphertext>", base64url. `context`
 * is authenticated with it (the provider's name), so a token saved for Postmark cannot be replayed
 * as an SMTP URL; a changed byte or a different key fails to open.
 */
export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function open(key: Buffer, sealed: string, context: string): string {
  const [format, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (format !== FORMAT || ciphertext === undefined || rest.length > 0)
    throw new Error('not a sealed secret of a known format');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * Seals and opens the secrets the service stores (email provider settings, webhook signing
 * secrets) under SETTINGS_ENCRYPTION_KEY.
 */
@Injectable()
export class SettingsCipher {
  private readonly key?: Buffer;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationsConfig) {
    // The configuration's pattern guarantees 32 bytes.
    this.key =
      config.SETTINGS_ENCRYPTION_KEY === undefined
        ? undefined
        : Buffer.from(config.SETTINGS_ENCRYPTION_KEY, 'base64url');
  }

  /** Answers service_unavailable (503) when this installation has no key to seal with. */
  requireKey(): Buffer {
    if (this.key === undefined)
      throw new DomainError(
        'service_unavailable',
        'secrets cannot be stored: the notifications service has no SETTINGS_ENCRYPTION_KEY to encrypt them with',
      );
    return this.key;
  }

  seal(plain: string, context: string): string {
    return seal(this.requireKey(), plain, context);
  }

  /** Throws when there is no key, or not the key the value was sealed with. */
  open(sealed: string, context: string): string {
    if (this.key === undefined) throw new Error('SETTINGS_ENCRYPTION_KEY is not set');
    return open(this.key, sealed, context);
  }
}
