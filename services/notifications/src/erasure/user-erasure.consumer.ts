import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { PersonalDataRepository } from './personal-data.repository';

/** The durable consumer of this feature (EventConsumers names it `notifications-user-erasure`). */
export const userErasureSubscription = {
  name: 'user-erasure',
  schema: identity.UserDeletedSchema,
} as const;

/**
 * Honours identity's erasure of a user (UserDeleted, which carries only the user id): their
 * address leaves the delivery log and their address and name leave the webhook log, in the
 * transaction that marks the event handled.
 *
 * The user's addresses are found by user id: deliveries record it for the emails identity asks for,
 * and webhook events about the user carry their address. Every delivery to those addresses then
 * loses it (invitation emails included, sent before the user existed); an address the service
 * never saw tied to the user id (no identity email, no webhook event kept) cannot be recognised.
 *
 * Webhook events are redacted whatever their deliveries' status: a pending delivery then sends the
 * event without the personal fields (same id, so partners still deduplicate it), as a partner must
 * not receive what was erased. The `user.deleted` event itself carries only ids and is delivered
 * unchanged, so partners learn to erase the user too. Running it again changes nothing more.
 */
@Injectable()
export class UserErasureConsumer implements OnModuleInit {
  private readonly logger = new Logger('UserErasure');

  constructor(
    private readonly consumers: EventConsumers,
    private readonly personalData: PersonalDataRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<identity.UserDeleted, Prisma.TransactionClient>({
      ...userErasureSubscription,
      handler: (event, transaction) => this.erase(event, transaction),
    });
  }

  private async erase(
    { userId, email }: identity.UserDeleted,
    transaction: Prisma.TransactionClient,
  ): Promise<void> {
    if (userId === '') return;
    const known = await this.personalData.addressesOf(transaction, userId);
    // The event names the address too: emails sent before the user existed (invitations) have it
    // without the user id.
    const addresses = [...new Set([...known, ...(email === '' ? [] : [email.toLowerCase()])])];
    const deliveries = await this.personalData.eraseRecipients(transaction, addresses);
    const events = await this.personalData.redactWebhookEvents(transaction, userId, addresses);
    this.logger.log(
      `erased user ${userId}: ${deliveries} email deliveries, ${events} webhook events redacted`,
    );
  }
}
