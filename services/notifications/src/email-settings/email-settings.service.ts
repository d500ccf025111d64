import { Inject, Injectable } from '@nestjs/common';
import { isAllowed, type Caller } from '@onramp/authz';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import {
  MAX_FROM_LENGTH,
  MESSAGE_STREAM,
  POSTMARK_TOKEN,
  SMTP_URL,
} from '@onramp/notification-rules';
import { z } from 'zod';
import type { NotificationsConfig } from '../config/notifications-config';
import { EmailProviderSettingsRepository } from '../email/email-provider-settings.repository';
import { EmailSender, environmentSettings } from '../email/email-sender';
import type { ProviderName } from '../email/provider-client';
import { SettingsCipher } from '../email/settings-cipher';
import type { EmailProviderSettings } from '../generated/prisma/client';

export const EMAIL_PROVIDERS = [
  'smtp',
  'postmark',
  'log',
  'none',
] as const satisfies readonly ProviderName[];

/** What an operator may read: never the SMTP URL or the Postmark token themselves. */
export interface EmailSettingsView {
  provider: ProviderName;
  from: string;
  messageStream?: string;
  secretSet: boolean;
  source: 'settings' | 'environment';
  updatedAt?: Date;
  updatedBy?: string;
}

export interface EmailSettingsChange {
  provider: string;
  smtpUrl?: string;
  postmarkServerToken?: string;
  from?: string;
  messageStream?: string;
}

type Violation = { field: string; message: string };

// "Name <address>" or a bare address; never a line break, which would inject headers.
const NAMED_ADDRESS = /^([^<>\r\n]*)<([^<>\s]+)>$/;
const address = z.email();

/** The email provider an installation sends through, as operators read and change it. */
@Injectable()
export class EmailSettingsService {
  constructor(
    private readonly repository: EmailProviderSettingsRepository,
    private readonly cipher: SettingsCipher,
    private readonly sender: EmailSender,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async get(caller: Caller): Promise<EmailSettingsView> {
    authorize(caller);
    const saved = await this.repository.find();
    return saved === null ? this.environmentView() : this.savedView(saved);
  }

  /**
   * Whether emails would leave the installation now: the provider this replica sends through
   * (settings saved on another replica reach it within seconds). Internal: no caller to check.
   */
  async readiness(): Promise<{ provider: ProviderName; configured: boolean }> {
    const { name } = await this.sender.current();
    return { provider: name, configured: name !== 'none' };
  }

  async put(caller: Caller, change: EmailSettingsChange): Promise<EmailSettingsView> {
    authorize(caller);
    const current = await this.repository.find();
    const { provider, secret, violations } = this.check(change, current);
    if (violations.length > 0)
      throw new DomainError(
        'validation_failed',
        'the email provider settings would not work',
        violations,
      );
    // One rule for operators: saving through the API needs the key, whatever the provider.
    this.cipher.requireKey();
    const saved = await this.repository.save({
      provider,
      encryptedSecret: secret === undefined ? null : this.resealed(secret, provider),
      fromAddress: change.from?.trim() ?? null,
      messageStream: provider === 'postmark' ? (change.messageStream ?? null) : null,
      updatedAt: new Date(),
      updatedBy: caller.userId,
    });
    this.sender.invalidate();
    return this.savedView(saved);
  }

  /** Forgets the saved settings: the environment's provider is used again. */
  async remove(caller: Caller): Promise<void> {
    authorize(caller);
    await this.repository.remove();
    this.sender.invalidate();
  }

  /** A new secret is sealed; one kept from the saved settings stays as it is. */
  private resealed(secret: Secret, provider: ProviderName): string {
    return secret.kind === 'new' ? this.cipher.seal(secret.value, provider) : secret.sealed;
  }

  private check(
    change: EmailSettingsChange,
    current: EmailProviderSettings | null,
  ): { provider: ProviderName; secret?: Secret; violations: Violation[] } {
    const violations: Violation[] = [];
    const provider = EMAIL_PROVIDERS.find((known) => known === change.provider);
    if (provider === undefined) {
      violations.push({
        field: 'provider',
        message: `must be one of ${EMAIL_PROVIDERS.join(', ')}`,
      });
      return { provider: 'none', violations };
    }
    const onlyFor = (field: keyof EmailSettingsChange, owner: ProviderName) => {
      if (change[field] !== undefined && provider !== owner)
        violations.push({ field, message: `only for the ${owner} provider` });
    };
    onlyFor('smtpUrl', 'smtp');
    onlyFor('postmarkServerToken', 'postmark');
    onlyFor('messageStream', 'postmark');
    if (change.from !== undefined && !isFromAddress(change.from))
      violations.push({
        field: 'from',
        message: 'must be an email address, optionally as "Name <address>"',
      });
    if (
      change.messageStream !== undefined &&
      provider === 'postmark' &&
      !MESSAGE_STREAM.test(change.messageStream)
    )
      violations.push({
        field: 'messageStream',
        message: 'a Postmark stream id: lower-case letters, digits, "-" and "_"',
      });

    // Left out, the secret saved for the same provider is kept (changing only the From address).
    const kept: Secret | undefined =
      current?.provider === provider && current.encryptedSecret !== null
        ? { kind: 'kept', sealed: current.encryptedSecret }
        : undefined;
    let secret: Secret | undefined;
    if (provider === 'smtp') {
      secret = change.smtpUrl === undefined ? kept : { kind: 'new', value: change.smtpUrl.trim() };
      if (secret === undefined)
        violations.push({ field: 'smtpUrl', message: 'is required for the smtp provider' });
      else if (secret.kind === 'new' && !isSmtpUrl(secret.value))
        violations.push({ field: 'smtpUrl', message: 'must be an smtp:// or smtps:// URL' });
    }
    if (provider === 'postmark') {
      secret =
        change.postmarkServerToken === undefined
          ? kept
          : { kind: 'new', value: change.postmarkServerToken.trim() };
      if (secret === undefined)
        violations.push({
          field: 'postmarkServerToken',
          message: 'is required for the postmark provider',
        });
      else if (secret.kind === 'new' && !POSTMARK_TOKEN.test(secret.value))
        violations.push({
          field: 'postmarkServerToken',
          message: 'must be a Postmark server token (no spaces, at most 256 characters)',
        });
    }
    return { provider, secret, violations };
  }

  private savedView(saved: EmailProviderSettings): EmailSettingsView {
    return {
      provider: saved.provider,
      from: saved.fromAddress ?? this.config.EMAIL_FROM,
      messageStream: saved.messageStream ?? undefined,
      secretSet: saved.encryptedSecret !== null,
      source: 'settings',
      updatedAt: saved.updatedAt,
      updatedBy: saved.updatedBy,
    };
  }

  private environmentView(): EmailSettingsView {
    const settings = environmentSettings(this.config);
    return {
      provider: settings.provider,
      from: settings.from,
      messageStream: settings.messageStream,
      secretSet: settings.secret !== undefined,
      source: 'environment',
    };
  }
}

type Secret = { kind: 'new'; value: string } | { kind: 'kept'; sealed: string };

function authorize(caller: Caller): void {
  if (!isAllowed(caller, 'settings.manage', { platform: true }))
    throw new DomainError('forbidden', 'you may not manage the email provider settings');
}

function isSmtpUrl(value: string): boolean {
  if (!SMTP_URL.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

export function isFromAddress(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > MAX_FROM_LENGTH || /[\r\n]/.test(trimmed)) return false;
  const named = NAMED_ADDRESS.exec(trimmed);
  return address.safeParse(named === null ? trimmed : named[2]).success;
}
