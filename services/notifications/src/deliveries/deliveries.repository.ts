import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, NEWEST_FIRST, olderThan, type NewestFirstKey } from '@onramp/persistence';
import type { Delivery, DeliveryStatus, Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;
/** Work that must commit with a delivery's change of status (the EmailDeliveryChanged event). */
export type AlsoInTransaction = (transaction: Transaction, delivery: Delivery) => Promise<void>;

export interface NewDelivery {
  idempotencyKey: string;
  recipient: string;
  template: string;
  language: string;
  sourceSubject: string;
  /** What the email is about, e.g. "invitation:<id>". */
  reference?: string;
  userId?: string;
}

export interface DeliveryFilter {
  /** Lower-cased, as recipients are recorded. */
  recipient?: string;
  status?: DeliveryStatus;
  /** The last row of the previous page: only older rows follow it. */
  after?: NewestFirstKey;
}

export interface ClaimedDelivery {
  id: string;
  attempts: number;
}

const MAX_ERROR_LENGTH = 1_000;

/**
 * Delivery records. Every write here commits on its own, outside the consumer's transaction: an
 * attempt's outcome must survive the rollback that asks JetStream to redeliver the event. A change
 * to an outcome commits together with `alsoInTransaction`, and only when the status really changed,
 * so each outcome is announced once.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** Records the delivery as queued unless its key is already known (INSERT … ON CONFLICT DO NOTHING). */
  async recordQueued(delivery: NewDelivery): Promise<void> {
    await this.database.delivery.createMany({
      data: [{ id: randomUUID(), ...delivery }],
      skipDuplicates: true,
    });
  }

  /** Newest first (created_at, then id, both descending), at most `take` rows. */
  async list(filter: DeliveryFilter, take: number): Promise<Delivery[]> {
    const { after } = filter;
    return this.database.delivery.findMany({
      where: {
        recipient: filter.recipient,
        status: filter.status,
        ...olderThan(after),
      },
      orderBy: [...NEWEST_FIRST],
      take,
    });
  }

  async statusOf(
    idempotencyKey: string,
  ): Promise<{ status: DeliveryStatus; nextAttemptAt: Date | null } | null> {
    return this.database.delivery.findUnique({
      where: { idempotencyKey },
      select: { status: true, nextAttemptAt: true },
    });
  }

  /**
   * Takes the next attempt of a queued delivery that is due, for `leaseMs`: one statement, so two
   * replicas handling the same event never both send; a crashed attempt is retaken after its lease.
   */
  async claim(idempotencyKey: string, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const rows = await this.database.$queryRaw<ClaimedDelivery[]>`
      UPDATE "notifications"."deliveries"
         SET attempts = attempts + 1,
             next_attempt_at = now() + ${leaseMs}::integer * interval '1 millisecond'
       WHERE idempotency_key = ${idempotencyKey}
         AND status = 'queued'
         AND (next_attempt_at IS NULL OR next_attempt_at <= now())
      RETURNING id::text AS id, attempts`;
    return rows[0];
  }

  /** Sent: only a queued delivery (the attempt holding it) becomes sent. */
  async markSent(
    id: string,
    providerMessageId: string,
    alsoInTransaction: AlsoInTransaction,
  ): Promise<Delivery | undefined> {
    return this.settle(
      { id },
      {
        status: 'sent',
        providerMessageId,
        sentAt: new Date(),
        nextAttemptAt: null,
        lastError: null,
      },
      alsoInTransaction,
    );
  }

  /** Failed or not sent, with the reason; a delivery already settled is left as it is. */
  async markFinal(
    idempotencyKey: string,
    status: Extract<DeliveryStatus, 'failed' | 'not_sent'>,
    reason: string,
    alsoInTransaction: AlsoInTransaction,
  ): Promise<Delivery | undefined> {
    return this.settle(
      { idempotencyKey },
      { status, lastError: reason.slice(0, MAX_ERROR_LENGTH), nextAttemptAt: null },
      alsoInTransaction,
    );
  }

  /**
   * Bounced, with the provider's reason: the sent deliveries with this provider message id and
   * recipient. Rows are locked first, so two reports of one bounce arriving at once change it once.
   */
  async markBounced(
    match: { providerMessageId: string; recipient: string },
    reason: string,
    alsoInTransaction: AlsoInTransaction,
  ): Promise<Delivery[]> {
    return this.database.$transaction(async (transaction) => {
      const rows = await transaction.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM "notifications"."deliveries"
         WHERE provider_message_id = ${match.providerMessageId}
           AND recipient = ${match.recipient}
           AND status = 'sent'
           FOR UPDATE`;
      const bounced: Delivery[] = [];
      for (const { id } of rows) {
        const delivery = await transaction.delivery.update({
          where: { id },
          data: { status: 'bounced', lastError: reason.slice(0, MAX_ERROR_LENGTH) },
        });
        await alsoInTransaction(transaction, delivery);
        bounced.push(delivery);
      }
      return bounced;
    });
  }

  /** Whether the delivery with this provider message id and recipient is bounced already. */
  async wasBounced(match: { providerMessageId: string; recipient: string }): Promise<boolean> {
    return (await this.database.delivery.count({ where: { ...match, status: 'bounced' } })) > 0;
  }

  async scheduleRetry(id: string, reason: string, delayMs: number): Promise<Date> {
    const rows = await this.database.$queryRaw<{ next_attempt_at: Date }[]>`
      UPDATE "notifications"."deliveries"
         SET last_error = ${reason.slice(0, MAX_ERROR_LENGTH)},
             next_attempt_at = now() + ${delayMs}::integer * interval '1 millisecond'
       WHERE id = ${id}::uuid
      RETURNING next_attempt_at`;
    return rows[0].next_attempt_at;
  }

  /** Applies `data` to the delivery while it is still queued, and the rest in the same commit. */
  private settle(
    delivery: { id: string } | { idempotencyKey: string },
    data: Prisma.DeliveryUpdateManyMutationInput,
    alsoInTransaction: AlsoInTransaction,
  ): Promise<Delivery | undefined> {
    return this.database.$transaction(async (transaction) => {
      const { count } = await transaction.delivery.updateMany({
        where: { ...delivery, status: 'queued' },
        data,
      });
      if (count === 0) return undefined;
      const settled = await transaction.delivery.findUniqueOrThrow({ where: delivery });
      await alsoInTransaction(transaction, settled);
      return settled;
    });
  }
}
