import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { identity, isUuid, notifications, occurredAt } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { AcceptanceService, provisioningKey } from './acceptance.service';
import { InvitationsRepository } from './invitations.repository';

/** An outcome reported for an earlier send (before a resend) no longer describes the link. */
const CLOCK_SKEW_MS = 5_000;

/**
 * What other services report back: identity's provisioning (which completes an acceptance whose
 * requester died before marking it), its users' deactivation and erasure, and notifications'
 * delivery outcomes (shown on the invitation).
 */
@Injectable()
export class InvitationOutcomesConsumer implements OnModuleInit {
  private readonly logger = new Logger(InvitationOutcomesConsumer.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly acceptance: AcceptanceService,
    private readonly repository: InvitationsRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<identity.UserProvisioned, Prisma.TransactionClient>({
      name: 'invitation-provisionings',
      schema: identity.UserProvisionedSchema,
      handler: async (event, transaction) => {
        const invitationId = event.idempotencyKey.slice(provisioningKey('').length);
        if (event.idempotencyKey !== provisioningKey(invitationId) || !isUuid(invitationId)) return;
        await this.acceptance.completeWithin(transaction, invitationId, event.userId);
      },
    });
    this.consumers.subscribe<identity.UserDeactivated, Prisma.TransactionClient>({
      name: 'invitation-user-deactivations',
      schema: identity.UserDeactivatedSchema,
      handler: (event, transaction) =>
        this.repository.markUserStatus(transaction, event.userId, true, occurredAt(event)),
    });
    this.consumers.subscribe<identity.UserReactivated, Prisma.TransactionClient>({
      name: 'invitation-user-reactivations',
      schema: identity.UserReactivatedSchema,
      handler: (event, transaction) =>
        this.repository.markUserStatus(transaction, event.userId, false, occurredAt(event)),
    });
    this.consumers.subscribe<identity.UserDeleted, Prisma.TransactionClient>({
      name: 'invitation-erasures',
      schema: identity.UserDeletedSchema,
      handler: (event, transaction) =>
        this.repository.erasePerson(transaction, event.userId, event.email.toLowerCase()),
    });
    this.consumers.subscribe<notifications.EmailDeliveryChanged, Prisma.TransactionClient>({
      name: 'invitation-emails',
      schema: notifications.EmailDeliveryChangedSchema,
      handler: (event, transaction) => this.recordEmailOutcome(event, transaction),
    });
  }

  private async recordEmailOutcome(
    event: notifications.EmailDeliveryChanged,
    transaction: Prisma.TransactionClient,
  ): Promise<void> {
    const delivery = event.delivery;
    const [kind, invitationId] = (delivery?.reference ?? '').split(':');
    if (delivery === undefined || kind !== 'invitation' || !isUuid(invitationId ?? '')) return;
    const row = await this.repository.lock(transaction, invitationId);
    if (row === null) return;
    const sentFor =
      delivery.createdAt === undefined ? new Date() : timestampDate(delivery.createdAt);
    if (sentFor.getTime() < row.issuedAt.getTime() - CLOCK_SKEW_MS) return;
    const at = occurredAt(event);
    await this.repository.update(transaction, row.id, {
      emailStatus: delivery.status,
      emailReason: delivery.lastError,
      emailUpdatedAt: at,
    });
    await this.repository.record(
      transaction,
      row.id,
      { action: `email_${delivery.status}`, detail: delivery.lastError },
      at,
    );
    if (delivery.status === 'bounced')
      this.logger.warn(`the invitation email of ${row.id} bounced: ${delivery.lastError}`);
  }
}
