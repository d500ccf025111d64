import type { NotificationsConfig } from '../config/notifications-config';

export type ProviderName = NotificationsConfig['EMAIL_PROVIDER'];

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
  /** Worth trying again later: a busy or unreachable provider, a timeout, a rate limit. */
  | { outcome: 'transient'; reason: string }
  /** Will fail the same way again: an unknown or inactive mailbox, rejected content… */
  | { outcome: 'permanent'; reason: string };

/** One configured way of sending email (SMTP, Postmark, the log, or none at all). */
export interface ProviderClient {
  readonly name: ProviderName;
  send(email: OutgoingEmail): Promise<SendResult>;
  /** Releases pooled connections; called once no attempt can still be using the client. */
  close(): void;
}
