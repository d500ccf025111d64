import nodemailer, { type Transporter } from 'nodemailer';
import type { OutgoingEmail, ProviderClient, SendResult } from './provider-client';

// Bounds every step of one SMTP exchange, so a stuck server ends in a retry, not a hung consumer.
export const SMTP_TIMEOUT_MS = 10_000;
const SMTP_MAX_CONNECTIONS = 5;

/** SMTP through one pooled nodemailer transport. */
export class SmtpProvider implements ProviderClient {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  /** `url`: smtp:// (STARTTLS when offered) or smtps:// (implicit TLS), credentials included. */
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    try {
      const info = (await this.transport.sendMail({
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

  close(): void {
    this.transport.close();
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
