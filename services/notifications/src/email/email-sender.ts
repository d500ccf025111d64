import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigError, SERVICE_CONFIG } from '@onramp/config';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationsConfig } from '../config/notifications-config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Names the delivery in logs; never the body, which may hold a token. */
  template: string;
}

export type SendResult =
  | { outcome: 'sent'; providerMessageId: string }
  /** Worth trying again later: a 4xx reply, a refused or broken connection, a timeout. */
  | { outcome: 'transient'; reason: string }
  /** Will fail the same way again: a 5xx reply (unknown mailbox, rejected content…). */
  | { outcome: 'permanent'; reason: string };

// Bounds every step of one SMTP exchange, so a stuck server ends in a retry, not a hung consumer.
const SMTP_TIMEOUT_MS = 10_000;
const SMTP_MAX_CONNECTIONS = 5;

/** Sends through the configured provider: SMTP (one pooled transport), the log, or nothing. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('EmailSender');
  private readonly transport?: Transporter;
  readonly provider: NotificationsConfig['EMAIL_PROVIDER'];
  private readonly from: string;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationsConfig) {
    this.provider = config.EMAIL_PROVIDER;
    this.from = config.EMAIL_FROM;
    if (config.EMAIL_PROVIDER === 'smtp') {
      if (config.SMTP_URL === undefined)
        throw new ConfigError('SMTP_URL is required when EMAIL_PROVIDER is smtp');
      this.transport = nodemailer.createTransport({
        url: config.SMTP_URL,
        pool: true,
        maxConnections: SMTP_MAX_CONNECTIONS,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      });
    }
  }

  /** Whether a provider is configured at all (`none`: deliveries are recorded as not sent). */
  get configured(): boolean {
    return this.provider !== 'none';
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    switch (this.provider) {
      case 'none':
        return { outcome: 'permanent', reason: 'provider_not_configured' };
      case 'log':
        // Recipient and template only: the body may carry a token.
        this.logger.log(`email provider "log": ${email.template} email to ${email.to} not sent`);
        return { outcome: 'sent', providerMessageId: `log-${randomUUID()}` };
      case 'smtp':
        return this.sendSmtp(email);
    }
  }

  private async sendSmtp(email: OutgoingEmail): Promise<SendResult> {
    try {
      const info = (await this.transport!.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
      })) as { messageId?: string };
      return { outcome: 'sent', providerMessageId: info.messageId ?? '' };
    } catch (error) {
      return classifySmtpFailure(error);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** An SMTP reply decides: 5xx is permanent, 4xx transient; no reply at all (network) is transient. */
export function classifySmtpFailure(
  error: unknown,
): SendResult & { outcome: 'transient' | 'permanent' } {
  const details = error as { responseCode?: unknown; code?: unknown; message?: unknown };
  const message = typeof details.message === 'string' ? details.message : String(error);
  const code = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  if (code !== undefined && code >= 500)
    return { outcome: 'permanent', reason: `smtp ${code}: ${message}` };
  const label =
    code !== undefined ? `smtp ${code}` : typeof details.code === 'string' ? details.code : 'smtp';
  return { outcome: 'transient', reason: `${label}: ${message}` };
}
