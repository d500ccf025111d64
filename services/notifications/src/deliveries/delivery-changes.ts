import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import type { Delivery, Prisma } from '../generated/prisma/client';
import { deliveryMessage } from './delivery-message';

/**
 * EmailDeliveryChanged for every outcome a delivery reaches (sent, not_sent, failed, bounced), so
 * the service that asked for the email (e.g. invitations, through `reference`) can show it.
 */
@Injectable()
export class DeliveryChanges {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Give to the repository: the event commits with the status change or not at all. `occurredAt`
   * is when the outcome happened, if the provider said so (a bounce); now otherwise.
   */
  readonly announce = async (
    transaction: Prisma.TransactionClient,
    delivery: Delivery,
    occurredAt = new Date(),
  ): Promise<void> => {
    await this.outbox.append(transaction, notifications.EmailDeliveryChangedSchema, {
      delivery: deliveryMessage(delivery),
      occurredAt: timestampFromDate(occurredAt),
    });
  };

  /** After the commit: the relay publishes at once instead of at its next poll. */
  published(): void {
    this.outbox.nudge();
  }
}
