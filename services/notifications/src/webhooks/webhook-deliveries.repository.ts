import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, NEWEST_FIRST, olderThan, type NewestFirstKey } from '@onramp/persistence';
import type {
  Prisma,
  PrismaClient,
  WebhookDelivery,
  WebhookDeliveryStatus,
} from '../generated/prisma/client';

export interface WebhookEventRecord {
  /** The domain event's message id. */
  id: string;
  type: string;
  body: string;
}

/** A delivery taken for one attempt, with what the attempt needs. */
export interface ClaimedWebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** This attempt's number, counted when it was claimed. */
  attempts: number;
  url: string;
  encryptedSecret: string;
  body: string;
}

export interface WebhookDeliveryFilter {
  endpointId: string;
  status?: WebhookDeliveryStatus;
  /** The last row of the previous page: only older rows follow it. */
  after?: NewestFirstKey;
}

const MAX_ERROR_LENGTH = 1_000;

/**
 * Webhook events and their deliveries. Recording happens in the consumer's transaction; attempts
 * are claimed and settled each in a statement of its own, outside any transaction, so a slow
 * receiver never holds a transaction or a JetStream message open.
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /**
   * Records the event and one pending delivery per endpoint, unless already recorded: the unique
   * (endpoint, event) key makes a redelivered event add nothing.
   */
  async record(
    transaction: Prisma.TransactionClient,
    event: WebhookEventRecord,
    endpointIds: readonly string[],
  ): Promise<void> {
    await transaction.webhookEvent.createMany({ data: [event], skipDuplicates: true });
    await transaction.webhookDelivery.createMany({
      data: endpointIds.map((endpointId) => ({
        id: randomUUID(),
        endpointId,
        eventId: event.id,
        eventType: event.type,
      })),
      skipDuplicates: true,
    });
  }

  /**
   * Takes up to `limit` due deliveries of enabled endpoints for one attempt each, for `leaseMs`:
   * SKIP LOCKED lets every replica claim at once without two taking the same delivery, and an
   * attempt whose replica died is retaken once its lease has run out.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedWebhookDelivery[]> {
    return this.database.$queryRaw<ClaimedWebhookDelivery[]>`
      WITH due AS (
        SELECT delivery.id
          FROM "notifications"."webhook_deliveries" delivery
          JOIN "notifications"."webhook_endpoints" endpoint ON endpoint.id = delivery.endpoint_id
         WHERE delivery.status = 'pending'
           AND delivery.next_attempt_at <= now()
           AND endpoint.status = 'enabled'
         ORDER BY delivery.next_attempt_at
         LIMIT ${limit}::integer
           FOR UPDATE OF delivery SKIP LOCKED
      ), claimed AS (
        UPDATE "notifications"."webhook_deliveries" delivery
           SET attempts = delivery.attempts + 1,
               last_attempt_at = now(),
               next_attempt_at = now() + ${leaseMs}::integer * interval '1 millisecond'
          FROM due
         WHERE delivery.id = due.id
        RETURNING delivery.id, delivery.endpoint_id, delivery.event_id, delivery.event_type,
                  delivery.attempts
      )
      SELECT claimed.id::text AS id, claimed.endpoint_id::text AS "endpointId",
             claimed.event_id AS "eventId", claimed.event_type AS "eventType",
             claimed.attempts, endpoint.url, endpoint.encrypted_secret AS "encryptedSecret",
             event.body
        FROM claimed
        JOIN "notifications"."webhook_endpoints" endpoint ON endpoint.id = claimed.endpoint_id
        JOIN "notifications"."webhook_events" event ON event.id = claimed.event_id`;
  }

  async markDelivered(id: string, responseStatus: number): Promise<void> {
    await this.database.webhookDelivery.updateMany({
      where: { id },
      data: {
        status: 'delivered',
        responseStatus,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: new Date(),
      },
    });
  }

  /** Leaves a delivery its endpoint's disabling already ended as it is. */
  async scheduleRetry(
    id: string,
    outcome: { status: number | null; reason: string },
    delayMs: number,
  ): Promise<void> {
    await this.database.$executeRaw`
      UPDATE "notifications"."webhook_deliveries"
         SET response_status = ${outcome.status}::integer,
             last_error = ${outcome.reason.slice(0, MAX_ERROR_LENGTH)},
             next_attempt_at = now() + ${delayMs}::integer * interval '1 millisecond'
       WHERE id = ${id}::uuid AND status = 'pending'`;
  }

  async markFailed(id: string, outcome: { status: number | null; reason: string }): Promise<void> {
    await this.database.webhookDelivery.updateMany({
      where: { id, status: 'pending' },
      data: {
        status: 'failed',
        responseStatus: outcome.status,
        lastError: outcome.reason.slice(0, MAX_ERROR_LENGTH),
        nextAttemptAt: null,
      },
    });
  }

  /** One endpoint's log, newest first (created_at, then id, both descending), at most `take`. */
  async list(filter: WebhookDeliveryFilter, take: number): Promise<WebhookDelivery[]> {
    const { after } = filter;
    return this.database.webhookDelivery.findMany({
      where: {
        endpointId: filter.endpointId,
        status: filter.status,
        ...olderThan(after),
      },
      orderBy: [...NEWEST_FIRST],
      take,
    });
  }

  /** Pending deliveries: due now, and scheduled later (waiting out a backoff, or being attempted). */
  async countPending(): Promise<{ due: number; scheduled: number }> {
    const [counts] = await this.database.$queryRaw<{ due: number; scheduled: number }[]>`
      SELECT count(*) FILTER (WHERE next_attempt_at <= now())::integer AS due,
             count(*) FILTER (WHERE next_attempt_at > now())::integer AS scheduled
        FROM "notifications"."webhook_deliveries"
       WHERE status = 'pending'`;
    return counts;
  }

  /** Events older than the retention with no delivery still pending go, with their deliveries. */
  async deleteOlderThan(days: number): Promise<number> {
    return this.database.$executeRaw`
      DELETE FROM "notifications"."webhook_events" event
       WHERE event.created_at < now() - ${days}::integer * interval '1 day'
         AND NOT EXISTS (
           SELECT 1 FROM "notifications"."webhook_deliveries" delivery
            WHERE delivery.event_id = event.id AND delivery.status = 'pending')`;
  }
}
