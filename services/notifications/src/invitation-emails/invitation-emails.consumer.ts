import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { eventSubject, invitations, tokenContext } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import { EventTokens } from '@onramp/sealing';
import type { NotificationsConfig } from '../config/notifications-config';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { sha256Hex } from '../deliveries/event-keys';
import { commonVariables } from '../rendering/common-variables';
import { EmailTemplates } from '../rendering/email-templates';
import { formatTimestamp, resolveLanguage } from '../rendering/message-kinds';
import { roleList } from '@onramp/authz';

/**
 * The durable consumers of this feature. EventConsumers names each `notifications-<name>`; the
 * consumer lag metrics read them by those names, so a rename here renames the metric's label too.
 */
export const invitationEmailSubscriptions = {
  invitationIssued: { name: 'invitation-email', schema: invitations.InvitationIssuedSchema },
  registrationDecided: {
    name: 'registration-email',
    schema: invitations.RegistrationDecidedSchema,
  },
} as const;

/**
 * Emails the invitations service asks for: the invitation link (first send and every resend) and
 * the approval of a driver's self-registration. Each delivery records what it is about
 * (`invitation:<id>`, `registration:<id>`), so EmailDeliveryChanged leads back to it.
 *
 * A rejected registration gets no email: the invitations service erases the person on rejection,
 * and an email would leave their address behind in the delivery log.
 */
@Injectable()
export class InvitationEmailsConsumer implements OnModuleInit {
  private readonly logger = new Logger('InvitationEmails');

  constructor(
    private readonly consumers: EventConsumers,
    private readonly deliveries: DeliveriesService,
    private readonly emailTemplates: EmailTemplates,
    private readonly tokens: EventTokens,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onModuleInit(): void {
    // Delivery records commit on their own (see DeliveriesService), so the transaction is unused.
    this.consumers.subscribe<invitations.InvitationIssued, never>({
      ...invitationEmailSubscriptions.invitationIssued,
      concurrency: this.config.EMAIL_CONCURRENCY,
      handler: (event) => this.invitationIssued(event),
    });
    this.consumers.subscribe<invitations.RegistrationDecided, never>({
      ...invitationEmailSubscriptions.registrationDecided,
      concurrency: this.config.EMAIL_CONCURRENCY,
      handler: (event) => this.registrationDecided(event),
    });
  }

  private async invitationIssued(event: invitations.InvitationIssued): Promise<void> {
    const { invitation } = event;
    if (invitation === undefined || invitation.email === '' || event.token === '') {
      this.logger.error('an InvitationIssued event without invitation, address or token: no email');
      return;
    }
    const language = resolveLanguage(invitation.language);
    const template = event.resend ? 'invitation-resend' : 'invitation';
    // Read before the delivery: a database failure here redelivers the event, never fails the email.
    const templates = await this.emailTemplates.current();
    return this.deliveries.deliver({
      sourceSubject: eventSubject(invitations.InvitationIssuedSchema),
      // Every send, resends included, carries a new token, so its hash tells the next send from a
      // redelivery of this one. The token itself is never stored, not even inside a key (the hash
      // is of what the event carries: the sealed token where EVENT_TOKEN_KEY is set).
      eventKey: [invitation.id, sha256Hex(event.token)].join('|'),
      recipient: invitation.email,
      template,
      language,
      reference: `invitation:${invitation.id}`,
      render: () =>
        templates.render(template, language, {
          ...commonVariables(this.config, invitation.name),
          inviterName: event.inviterName,
          accountName: event.accountName,
          newAccountName: event.newAccountName,
          roles: roleList(event.roles, language),
          // A token that cannot be opened (another key) fails the delivery as render_failed.
          acceptUrl: `${this.config.PUBLIC_URL}/invite/${encodeURIComponent(
            this.tokens.fromEvent(event.token, tokenContext.invitation(invitation.id)),
          )}`,
          expiresAt: formatTimestamp(invitation.expiresAt, language),
          personalMessage: invitation.personalMessage.trim(),
        }),
    });
  }

  private async registrationDecided(event: invitations.RegistrationDecided): Promise<void> {
    const { registration } = event;
    if (registration?.status !== 'approved') return;
    if (registration.email === '') {
      this.logger.error('a RegistrationDecided event without an address: no email');
      return;
    }
    const language = resolveLanguage(event.language);
    const templates = await this.emailTemplates.current();
    return this.deliveries.deliver({
      sourceSubject: eventSubject(invitations.RegistrationDecidedSchema),
      // A registration is approved once.
      eventKey: [registration.id, registration.status].join('|'),
      recipient: registration.email,
      template: 'registration-approved',
      language,
      reference: `registration:${registration.id}`,
      render: () =>
        templates.render('registration-approved', language, {
          ...commonVariables(this.config, registration.name),
          accountName: event.accountName,
        }),
    });
  }
}
