import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { erasedRecipient, isErasedRecipient, redactedWebhookBody } from './erased-personal-data';

type Transaction = Prisma.TransactionClient;

/**
 * Where a user's personal data sits in this service, found from their user id alone: the delivery
 * log (recipient addresses) and the webhook log (event bodies naming the user or their address).
 */
@Injectable()
export class PersonalDataRepository {
  /**
   * The addresses the service knows for the user: recipients of the emails sent to them by user id
   * (identity's emails), and the addresses in webhook events that name them (user.created,
   * invitation.accepted, registration.*). Lower-cased, as recipients are recorded.
   */
  async addressesOf(transaction: Transaction, userId: string): Promise<string[]> {
    const [deliveries, events] = await Promise.all([
      transaction.delivery.findMany({
        where: { userId },
        select: { recipient: true },
        distinct: ['recipient'],
      }),
      transaction.$queryRaw<{ email: string }[]>`
        SELECT DISTINCT lower(body::jsonb -> 'data' ->> 'email') AS email
        FROM notifications.webhook_events
        WHERE body::jsonb -> 'data' ->> 'userId' = ${userId}
          AND body::jsonb -> 'data' ->> 'email' IS NOT NULL`,
    ]);
    const addresses = [
      ...deliveries.map(({ recipient }) => recipient),
      ...events.map(({ email }) => email),
    ].filter((address) => address !== '' && !isErasedRecipient(address));
    return [...new Set(addresses)];
  }

  /** Replaces the recipient of every delivery to these addresses by its erased placeholder. */
  async eraseRecipients(transaction: Transaction, addresses: readonly string[]): Promise<number> {
    let erased = 0;
    for (const address of addresses) {
      const { count } = await transaction.delivery.updateMany({
        where: { recipient: address },
        data: { recipient: erasedRecipient(address) },
      });
      erased += count;
    }
    return erased;
  }

  /**
   * Clears the personal fields of every stored webhook event naming the user or one of their
   * addresses, whatever its deliveries' status (see UserErasureConsumer for pending ones). The
   * table holds WEBHOOK_LOG_RETENTION_DAYS of events, so a scan of its bodies stays small.
   */
  async redactWebhookEvents(
    transaction: Transaction,
    userId: string,
    addresses: readonly string[],
  ): Promise<number> {
    const byAddress =
      addresses.length === 0
        ? Prisma.empty
        : Prisma.sql`OR lower(body::jsonb -> 'data' ->> 'email') IN (${Prisma.join(addresses)})
            OR lower(body::jsonb -> 'data' ->> 'recipient') IN (${Prisma.join(addresses)})`;
    const events = await transaction.$queryRaw<{ id: string; body: string }[]>`
      SELECT id, body FROM notifications.webhook_events
      WHERE body::jsonb -> 'data' ->> 'userId' = ${userId} ${byAddress}
      FOR UPDATE`;
    let redacted = 0;
    for (const event of events) {
      const body = redactedWebhookBody(event.body);
      if (body === undefined) continue;
      await transaction.webhookEvent.update({ where: { id: event.id }, data: { body } });
      redacted += 1;
    }
    return redacted;
  }
}
