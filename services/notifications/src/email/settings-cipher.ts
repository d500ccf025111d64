import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import { keyFrom, open, seal } from '@onramp/sealing';
import type { NotificationsConfig } from '../config/notifications-config';

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
        : keyFrom(config.SETTINGS_ENCRYPTION_KEY);
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
