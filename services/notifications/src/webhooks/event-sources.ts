import type { JsonValue, Message } from '@bufbuild/protobuf';
import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import {
  accounts,
  enumWords,
  identity,
  imports,
  invitations,
  notifications,
  type EventSchema,
} from '@onramp/contracts';
import type { WebhookEventType } from './event-types';

/** A domain event as partners see it, before it gets its id. */
export interface PublicEvent {
  type: WebhookEventType;
  occurredAt: Timestamp | undefined;
  data: Record<string, JsonValue>;
  /**
   * The accounts the event is about, with their ancestors where the event names them: account
   * endpoints of any of them receive it. Empty for an event about no account, which only platform
   * endpoints receive.
   */
  accountIds: readonly string[];
}

/** An internal event (a JetStream subject) and how it becomes public ones. */
export interface EventSource {
  schema: EventSchema;
  /** None when this event is not public, e.g. a delivery change that is not a bounce. */
  toPublic(event: Message): PublicEvent[];
  /**
   * Whether one message carries several public events (an import's accounts): each then gets the
   * message id with its position as its id, the same on every delivery.
   */
  several: boolean;
}

function source<Event extends Message>(
  schema: EventSchema<Event>,
  toPublic: (event: Event) => PublicEvent | undefined,
): EventSource {
  return {
    schema,
    toPublic: (event) => {
      const publicEvent = toPublic(event as Event);
      return publicEvent === undefined ? [] : [publicEvent];
    },
    several: false,
  };
}

function severalSource<Event extends Message>(
  schema: EventSchema<Event>,
  toPublic: (event: Event) => PublicEvent[],
): EventSource {
  return { schema, toPublic: (event) => toPublic(event as Event), several: true };
}

/** The id of the public event at `position` of the message `messageId`. */
export function publicEventId(source: EventSource, messageId: string, position: number): string {
  return source.several ? `${messageId}.${position}` : messageId;
}

const iso = (timestamp: Timestamp | undefined): string | null =>
  timestamp === undefined ? null : timestampDate(timestamp).toISOString();

/** proto3 has no null: an empty string is an absent value. */
const orNull = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

// Each mapper names every field it forwards: a field added to a contract later (a token, a
// secret) never reaches a partner unless someone adds it here on purpose.

function userEvent(
  type: WebhookEventType,
  event: { userId: string; byUserId: string; occurredAt?: Timestamp },
): PublicEvent {
  // Identity's user events name no account: the accounts come with membership.granted.
  return {
    type,
    occurredAt: event.occurredAt,
    accountIds: [],
    data: { userId: event.userId, byUserId: orNull(event.byUserId) },
  };
}

function membershipEvent(
  type: WebhookEventType,
  event: identity.MembershipGranted | identity.MembershipRevoked,
): PublicEvent | undefined {
  const { membership } = event;
  if (membership === undefined) return undefined;
  return {
    type,
    occurredAt: event.occurredAt,
    accountIds: membership.accountIds,
    data: {
      membershipId: membership.id,
      userId: membership.userId,
      platform: membership.platform,
      accountIds: membership.accountIds,
      roles: membership.roles,
      additionalPermissions: membership.additionalPermissions,
      byUserId: orNull(event.byUserId),
    },
  };
}

/**
 * The account's identity and standing; contact, billing and payment details stay behind the API
 * (GET /v1/accounts/{id}), where reading them is checked.
 */
function accountEvent(
  type: WebhookEventType,
  event: accounts.AccountCreated | accounts.AccountUpdated,
): PublicEvent | undefined {
  const { account } = event;
  if (account === undefined) return undefined;
  return {
    type,
    occurredAt: event.occurredAt,
    accountIds: [account.id, ...account.ancestorIds],
    data: {
      accountId: account.id,
      parentId: orNull(account.parentId),
      ancestorIds: account.ancestorIds,
      relation: orNull(account.relation),
      name: account.name,
      type: account.type,
      language: account.language,
      plan: orNull(account.plan),
      featureFlags: account.effectiveFeatureFlags,
      licence: orNull(account.licence),
      status: account.status,
      level: orNull(account.level),
      createdAt: iso(account.createdAt),
      updatedAt: iso(account.updatedAt),
      byUserId: orNull(event.byUserId),
    },
  };
}

/** Never the token, the personal message or the email's history: who, what kind, which accounts. */
function invitationEvent(
  type: WebhookEventType,
  invitation: invitations.Invitation | undefined,
  occurredAt: Timestamp | undefined,
  extra: Record<string, JsonValue>,
): PublicEvent | undefined {
  if (invitation === undefined) return undefined;
  return {
    type,
    occurredAt,
    accountIds: invitation.accountIds,
    data: {
      invitationId: invitation.id,
      kind: invitation.kind,
      email: invitation.email,
      name: invitation.name,
      language: invitation.language,
      status: invitation.status,
      accountIds: invitation.accountIds,
      invitedByUserId: orNull(invitation.invitedByUserId),
      createdAt: iso(invitation.createdAt),
      expiresAt: iso(invitation.expiresAt),
      resendCount: invitation.resendCount,
      ...extra,
    },
  };
}

const closedInvitationTypes: Record<string, WebhookEventType> = {
  revoked: 'invitation.revoked',
  expired: 'invitation.expired',
  superseded: 'invitation.superseded',
};

function registrationEvent(
  type: WebhookEventType,
  event: invitations.RegistrationSubmitted | invitations.RegistrationDecided,
): PublicEvent | undefined {
  const { registration } = event;
  if (registration === undefined) return undefined;
  return {
    type,
    occurredAt: event.occurredAt,
    accountIds: [registration.accountId],
    data: {
      registrationId: registration.id,
      accountId: registration.accountId,
      userId: registration.userId,
      email: registration.email,
      name: registration.name,
      status: registration.status,
      createdAt: iso(registration.createdAt),
      decidedAt: iso(registration.decidedAt),
      decidedByUserId: orNull(registration.decidedByUserId),
    },
  };
}

/** Every internal event a public one comes from; each is read by its own durable consumer. */
/** An import job's end, in the API's words (kind and status in lower case, as the gateway's). */
function importEvent(
  type: WebhookEventType,
  event: imports.ImportCompleted | imports.ImportFailed,
): PublicEvent | undefined {
  const { job } = event;
  if (job === undefined) return undefined;
  const counts = job.counts;
  return {
    type,
    occurredAt: event.occurredAt,
    accountIds: event.accountIds,
    data: {
      importId: job.id,
      kind: enumWords<imports.ImportKind>(imports.ImportKind).word(job.kind),
      status: enumWords<imports.ImportStatus>(imports.ImportStatus).word(job.status),
      dryRun: job.dryRun,
      counts: {
        total: counts?.total ?? 0,
        valid: counts?.valid ?? 0,
        invalid: counts?.invalid ?? 0,
        created: counts?.created ?? 0,
        updated: counts?.updated ?? 0,
        skipped: counts?.skipped ?? 0,
        failed: counts?.failed ?? 0,
      },
      failure: orNull(job.failure),
      createdAt: iso(job.createdAt),
      finishedAt: iso(job.finishedAt),
    },
  };
}

export const eventSources: readonly EventSource[] = [
  source(identity.UserCreatedSchema, (event) => ({
    type: 'user.created',
    occurredAt: event.occurredAt,
    accountIds: [],
    data: {
      userId: event.userId,
      email: event.email,
      name: event.name,
      language: event.language,
      status: event.status,
    },
  })),
  source(identity.UserActivatedSchema, (event) =>
    userEvent('user.activated', { ...event, byUserId: '' }),
  ),
  source(identity.UserDeactivatedSchema, (event) => userEvent('user.deactivated', event)),
  source(identity.UserReactivatedSchema, (event) => userEvent('user.reactivated', event)),
  source(identity.UserDeletedSchema, (event) => userEvent('user.deleted', event)),
  source(identity.MembershipGrantedSchema, (event) => membershipEvent('membership.granted', event)),
  source(identity.MembershipRevokedSchema, (event) => membershipEvent('membership.revoked', event)),
  source(accounts.AccountCreatedSchema, (event) => accountEvent('account.created', event)),
  severalSource(accounts.AccountsImportedSchema, (event) =>
    event.accounts.flatMap((created) => accountEvent('account.created', created) ?? []),
  ),
  source(accounts.AccountUpdatedSchema, (event) => accountEvent('account.updated', event)),
  // The issued event carries the invitation's token: only the invitation itself is read here.
  source(invitations.InvitationIssuedSchema, (event) =>
    invitationEvent(
      event.resend ? 'invitation.resent' : 'invitation.created',
      event.invitation,
      event.occurredAt,
      { sentByEmail: true },
    ),
  ),
  source(invitations.InvitationCreatedSchema, (event) =>
    invitationEvent('invitation.created', event.invitation, event.occurredAt, {
      sentByEmail: false,
    }),
  ),
  source(invitations.InvitationAcceptedSchema, (event) =>
    invitationEvent('invitation.accepted', event.invitation, event.occurredAt, {
      userId: event.userId,
      createdAccountId: orNull(event.newAccount?.accountId ?? event.invitation?.createdAccountId),
    }),
  ),
  source(invitations.InvitationClosedSchema, (event) => {
    const type = closedInvitationTypes[event.reason];
    return type === undefined
      ? undefined
      : invitationEvent(type, event.invitation, event.occurredAt, {});
  }),
  source(invitations.RegistrationSubmittedSchema, (event) =>
    registrationEvent('registration.submitted', event),
  ),
  source(invitations.RegistrationDecidedSchema, (event) =>
    registrationEvent('registration.decided', event),
  ),
  // Emails are the installation's, not an account's: platform endpoints only.
  source(notifications.EmailDeliveryChangedSchema, ({ delivery, occurredAt }) =>
    delivery?.status === 'bounced'
      ? {
          type: 'email.bounced',
          occurredAt,
          accountIds: [],
          data: {
            deliveryId: delivery.id,
            recipient: delivery.recipient,
            template: delivery.template,
            reference: orNull(delivery.reference),
            reason: orNull(delivery.lastError),
          },
        }
      : undefined,
  ),
  source(imports.ImportCompletedSchema, (event) => importEvent('import.completed', event)),
  source(imports.ImportFailedSchema, (event) => importEvent('import.failed', event)),
];

/**
 * The JSON body partners receive. `id` is the domain event's message id: the same however often
 * it is delivered, so receivers deduplicate on it. Built once and stored, so every attempt sends
 * (and signs) the same bytes.
 */
export function webhookBody(id: string, event: PublicEvent, recordedAt: Date): string {
  return JSON.stringify({
    id,
    type: event.type,
    occurredAt: iso(event.occurredAt) ?? recordedAt.toISOString(),
    data: event.data,
  });
}
