import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { toBinary } from '@bufbuild/protobuf';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { SERVICE_CONFIG } from '@onramp/config';
import { eventSubject, identity, tokenContext } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import { EventTokens } from '@onramp/sealing';
import type { NotificationsConfig } from '../config/notifications-config';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { momentKey, sha256Hex } from '../deliveries/event-keys';
import { commonVariables } from '../rendering/common-variables';
import { formatTimestamp, resolveLanguage } from '../rendering/message-kinds';
import { EmailTemplates } from '../rendering/email-templates';

/**
 * The durable consumers of this feature. EventConsumers names each `notifications-<name>`; the
 * consumer lag metrics read them by those names, so a rename here renames the metric's label too.
 */
export const identityEmailSubscriptions = {
  passwordReset: { name: 'password-reset-email', schema: identity.PasswordResetIssuedSchema },
  securityReport: { name: 'security-report-email', schema: identity.SecurityReportRequestedSchema },
} as const;

/**
 * Emails identity asks for: password reset links and security reports.
 *
 * Each delivery's key comes from the event's own stable content: the same on every redelivery of
 * one event (and for a copy of it republished under another message id), different for the next
 * event (a new reset token, a new report request).
 */
@Injectable()
export class IdentityEmailsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly deliveries: DeliveriesService,
    private readonly emailTemplates: EmailTemplates,
    private readonly tokens: EventTokens,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onModuleInit(): void {
    // Delivery records commit on their own (see DeliveriesService), so the transaction is unused.
    this.consumers.subscribe<identity.PasswordResetIssued, never>({
      ...identityEmailSubscriptions.passwordReset,
      concurrency: this.config.EMAIL_CONCURRENCY,
      handler: (event) => this.passwordReset(event),
    });
    this.consumers.subscribe<identity.SecurityReportRequested, never>({
      ...identityEmailSubscriptions.securityReport,
      concurrency: this.config.EMAIL_CONCURRENCY,
      handler: (event) => this.securityReport(event),
    });
  }

  private async passwordReset(event: identity.PasswordResetIssued): Promise<void> {
    const language = resolveLanguage(event.language);
    // Read before the delivery: a database failure here redelivers the event, never fails the email.
    const templates = await this.emailTemplates.current();
    return this.deliveries.deliver({
      sourceSubject: eventSubject(identity.PasswordResetIssuedSchema),
      // The token itself is never stored, not even inside a key: only a hash of what the event
      // carries (the sealed token) enters the key.
      eventKey: [event.userId, momentKey(event.expiresAt), sha256Hex(event.token)].join('|'),
      recipient: event.email,
      userId: event.userId,
      template: 'password-reset',
      language,
      render: () =>
        templates.render('password-reset', language, {
          ...commonVariables(this.config, event.name),
          // A token that cannot be opened (another key) fails the delivery as render_failed.
          resetUrl: `${this.config.PUBLIC_URL}/reset-password?token=${encodeURIComponent(
            this.tokens.fromEvent(event.token, tokenContext.passwordReset(event.userId)),
          )}`,
          expiresAt: formatTimestamp(event.expiresAt, language),
        }),
    });
  }

  private async securityReport(event: identity.SecurityReportRequested): Promise<void> {
    const language = resolveLanguage(event.language);
    const templates = await this.emailTemplates.current();
    const moment = (timestamp: Timestamp | undefined) => formatTimestamp(timestamp, language);
    return this.deliveries.deliver({
      sourceSubject: eventSubject(identity.SecurityReportRequestedSchema),
      eventKey: event.occurredAt
        ? [event.userId, momentKey(event.occurredAt)].join('|')
        : sha256Hex(toBinary(identity.SecurityReportRequestedSchema, event)),
      recipient: event.email,
      userId: event.userId,
      template: 'security-report',
      language,
      render: () =>
        templates.render('security-report', language, {
          ...commonVariables(this.config, event.name),
          generatedAt: moment(event.occurredAt),
          logins: event.recentLogins.map((login) => ({
            at: moment(login.at),
            ip: login.ip,
            userAgent: login.userAgent,
            succeeded: login.succeeded,
          })),
          sessions: event.activeSessions.map((session) => ({
            createdAt: moment(session.createdAt),
            lastUsedAt: moment(session.lastUsedAt),
            ip: session.ip,
            userAgent: session.userAgent,
          })),
        }),
    });
  }
}
