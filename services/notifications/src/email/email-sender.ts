import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigError, SERVICE_CONFIG } from '@onramp/config';
import type { NotificationsConfig } from '../config/notifications-config';
import type { EmailProviderSettings } from '../generated/prisma/client';
import { EmailProviderSettingsRepository } from './email-provider-settings.repository';
import { PostmarkProvider } from './postmark-provider';
import type { OutgoingEmail, ProviderClient, ProviderName, SendResult } from './provider-client';
import { SettingsCipher } from './settings-cipher';
import { SMTP_TIMEOUT_MS, SmtpProvider } from './smtp-provider';

export type { OutgoingEmail, ProviderClient, SendResult } from './provider-client';

/** The settings in force: saved through the API, else the environment's. Secrets in the clear. */
export interface EffectiveEmailSettings {
  provider: ProviderName;
  /** The SMTP URL or the Postmark server token. */
  secret?: string;
  from: string;
  messageStream?: string;
}

// Replicas pick up settings saved elsewhere within this long; the replica that saved them at once.
export const SETTINGS_REFRESH_MS = 5_000;
// A replaced client is closed only once no attempt can still be using it (a whole SMTP exchange).
const RETIRE_AFTER_MS = 4 * SMTP_TIMEOUT_MS;

/**
 * Hands out the provider to send through now. Reads the saved settings at most every 5 s and
 * builds a new client only when they changed (pooled SMTP connections are kept in between).
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('EmailSender');
  private readonly environment: EffectiveEmailSettings;
  private active: { client: ProviderClient; version: string; checkedAt: number };
  private refreshing?: Promise<ProviderClient>;
  private readonly retiring = new Set<ProviderClient>();

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    private readonly repository: EmailProviderSettingsRepository,
    private readonly cipher: SettingsCipher,
  ) {
    this.environment = environmentSettings(config);
    // checkedAt 0: the first email looks for saved settings before using the environment's.
    this.active = { client: this.build(this.environment), version: 'environment', checkedAt: 0 };
  }

  async current(): Promise<ProviderClient> {
    if (Date.now() - this.active.checkedAt < SETTINGS_REFRESH_MS) return this.active.client;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** The settings were just saved here: the next email reads them again. */
  invalidate(): void {
    this.active.checkedAt = 0;
  }

  private async refresh(): Promise<ProviderClient> {
    const row = await this.repository.find();
    const version = row === null ? 'environment' : row.updatedAt.toISOString();
    if (version === this.active.version) {
      this.active.checkedAt = Date.now();
      return this.active.client;
    }
    const client = row === null ? this.build(this.environment) : this.fromSaved(row);
    this.retire(this.active.client);
    this.active = { client, version, checkedAt: Date.now() };
    this.logger.log(
      `email provider is now "${client.name}" (${row === null ? 'environment' : 'saved settings'})`,
    );
    return client;
  }

  private fromSaved(row: EmailProviderSettings): ProviderClient {
    let secret: string | undefined;
    try {
      secret =
        row.encryptedSecret === null
          ? undefined
          : this.cipher.open(row.encryptedSecret, row.provider);
    } catch (error) {
      const reason = `email_settings_unreadable: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.error(`the saved ${row.provider} settings cannot be used: ${reason}`);
      return unusable(row.provider, reason);
    }
    return this.build({
      provider: row.provider,
      secret,
      from: row.fromAddress ?? this.config.EMAIL_FROM,
      messageStream: row.messageStream ?? undefined,
    });
  }

  private build(settings: EffectiveEmailSettings): ProviderClient {
    switch (settings.provider) {
      case 'none':
        return notConfigured;
      case 'log':
        return new LogProvider(this.logger);
      case 'smtp':
        if (settings.secret === undefined) return unusable('smtp', 'smtp_url_missing');
        return new SmtpProvider(settings.secret, settings.from);
      case 'postmark':
        if (settings.secret === undefined) return unusable('postmark', 'postmark_token_missing');
        return new PostmarkProvider({
          serverToken: settings.secret,
          from: settings.from,
          messageStream: settings.messageStream,
          apiUrl: this.config.POSTMARK_API_URL,
        });
    }
  }

  private retire(client: ProviderClient): void {
    this.retiring.add(client);
    setTimeout(() => {
      this.retiring.delete(client);
      client.close();
    }, RETIRE_AFTER_MS).unref();
  }

  onApplicationShutdown(): void {
    for (const client of [this.active.client, ...this.retiring]) client.close();
    this.retiring.clear();
  }
}

/** The environment's settings; a provider without its secret stops the service at start. */
export function environmentSettings(config: NotificationsConfig): EffectiveEmailSettings {
  const base = { provider: config.EMAIL_PROVIDER, from: config.EMAIL_FROM };
  switch (config.EMAIL_PROVIDER) {
    case 'smtp':
      if (config.SMTP_URL === undefined)
        throw new ConfigError('SMTP_URL is required when EMAIL_PROVIDER is smtp');
      return { ...base, secret: config.SMTP_URL };
    case 'postmark':
      if (config.POSTMARK_SERVER_TOKEN === undefined)
        throw new ConfigError('POSTMARK_SERVER_TOKEN is required when EMAIL_PROVIDER is postmark');
      return {
        ...base,
        secret: config.POSTMARK_SERVER_TOKEN,
        messageStream: config.POSTMARK_MESSAGE_STREAM,
      };
    case 'log':
    case 'none':
      return base;
  }
}

const notConfigured: ProviderClient = {
  name: 'none',
  send: () => Promise.resolve({ outcome: 'permanent', reason: 'provider_not_configured' }),
  close: () => undefined,
};

/** Saved settings this replica cannot use (e.g. another key): retried, so nothing is lost. */
function unusable(name: ProviderName, reason: string): ProviderClient {
  return {
    name,
    send: () => Promise.resolve({ outcome: 'transient', reason }),
    close: () => undefined,
  };
}

class LogProvider implements ProviderClient {
  readonly name = 'log';

  constructor(private readonly logger: Logger) {}

  send(email: OutgoingEmail): Promise<SendResult> {
    // Recipient and template only: the body may carry a token.
    this.logger.log(`email provider "log": ${email.template} email to ${email.to} not sent`);
    return Promise.resolve({ outcome: 'sent', providerMessageId: `log-${randomUUID()}` });
  }

  close(): void {}
}
