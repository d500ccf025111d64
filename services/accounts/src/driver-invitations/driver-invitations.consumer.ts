import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { type EventSchema, invitations, isUuid, occurredAt } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { driverTabAccountsOf } from './driver-invitation-scope';
import {
  DriverInvitationsRepository,
  type DriverInvitationChange,
} from './driver-invitations.repository';

type InvitationEvent =
  | invitations.InvitationIssued
  | invitations.InvitationCreated
  | invitations.InvitationAccepted
  | invitations.InvitationClosed;

const CLOSING_REASONS = ['revoked', 'expired', 'superseded'];

/** Keeps the open driver invitations into each account from the invitations service's events. */
@Injectable()
export class DriverInvitationsConsumer implements OnModuleInit {
  private readonly logger = new Logger(DriverInvitationsConsumer.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly invitations: DriverInvitationsRepository,
  ) {}

  onModuleInit(): void {
    // Each event's status: issued (created with email, or resent) and created (without email)
    // leave the invitation pending; a closing event names its reason.
    const subscriptions: [
      string,
      EventSchema<InvitationEvent>,
      (event: InvitationEvent) => string,
    ][] = [
      ['driver-invitations-issued', invitations.InvitationIssuedSchema, () => 'pending'],
      ['driver-invitations-created', invitations.InvitationCreatedSchema, () => 'pending'],
      ['driver-invitations-accepted', invitations.InvitationAcceptedSchema, () => 'accepted'],
      [
        'driver-invitations-closed',
        invitations.InvitationClosedSchema,
        (event) => ('reason' in event ? event.reason : ''),
      ],
    ];
    for (const [name, schema, statusOf] of subscriptions)
      this.consumers.subscribe<InvitationEvent, Prisma.TransactionClient>({
        name,
        schema,
        handler: async (event, transaction) => {
          const change = this.changeOf(event, statusOf(event));
          if (change !== undefined) await this.invitations.apply(transaction, change);
        },
      });
  }

  /**
   * The change an event makes to the invited tabs; undefined for an invitation that is not a
   * driver's, and for one that names no valid invitation (logged: retrying cannot mend it).
   */
  private changeOf(event: InvitationEvent, status: string): DriverInvitationChange | undefined {
    const invitation = event.invitation;
    if (invitation === undefined) return this.ignored(event);
    const accountIds = driverTabAccountsOf(invitation);
    if (accountIds.length === 0) return undefined;
    if (!isUuid(invitation.id) || invitation.expiresAt === undefined) return this.ignored(event);
    if (status !== 'pending' && status !== 'accepted' && !CLOSING_REASONS.includes(status))
      return this.ignored(event);
    return {
      invitationId: invitation.id.toLowerCase(),
      accountIds,
      email: invitation.email,
      name: invitation.name,
      status,
      expiresAt: timestampDate(invitation.expiresAt),
      changedAt: occurredAt(event),
    };
  }

  private ignored(event: InvitationEvent): undefined {
    this.logger.error(`a ${event.$typeName} event names no valid invitation; it is ignored`);
    return undefined;
  }
}
