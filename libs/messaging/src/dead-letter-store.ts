import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER } from '@onramp/logging';
import { quoteIdentifier, type SqlClient } from '@onramp/persistence';

/** A message as it came, enough to republish it: never decoded, so sealed tokens stay sealed. */
export interface FailedMessage {
  consumer: string;
  subject: string;
  messageId: string;
  payload: Uint8Array;
  headers: Record<string, string>;
}

/** A message that failed at a consumer, as an operator lists it (its bytes left out). */
export interface DeadLetter {
  id: string;
  consumer: string;
  subject: string;
  messageId: string;
  correlationId: string | null;
  attempts: number;
  lastError: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
  /** Set once it is given up on; null while it is still being retried, or again after a replay. */
  parkedAt: Date | null;
  replayedAt: Date | null;
}

/** A parked message taken for replay, with what republishing it needs. */
export interface ParkedMessage extends FailedMessage {
  id: string;
}

const LISTED = `id::text AS id, consumer, subject, message_id AS "messageId",
  headers->>'${CORRELATION_HEADER}' AS "correlationId", attempts, last_error AS "lastError",
  first_failed_at AS "firstFailedAt", last_failed_at AS "lastFailedAt", parked_at AS "parkedAt",
  replayed_at AS "replayedAt"`;

/**
 * The `dead_letters` table of a service's schema: one row per (consumer, message) that failed,
 * counting its failed attempts across restarts and replicas; parked once they are used up.
 */
export class DeadLetterStore {
  private readonly table: string;

  constructor(
    private readonly database: SqlClient,
    schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}."dead_letters"`;
  }

  /**
   * Counts one more failed attempt and parks the message when it reaches `parkAt` (0: at once).
   * Answers the attempts so far and whether this attempt parked it, or undefined when it was
   * parked already (a redelivery of a message parked just before its acknowledgement got lost).
   */
  async recordFailure(
    message: FailedMessage,
    error: string,
    parkAt: number,
  ): Promise<{ attempts: number; parked: boolean } | undefined> {
    const [row] = await this.database.$queryRawUnsafe<{ attempts: number; parked: boolean }[]>(
      `INSERT INTO ${this.table} AS dead (id, consumer, message_id, subject, payload, headers, attempts, last_error, parked_at)
       VALUES ($1::uuid, $2, $3, $4, $5, $6::jsonb, 1, $7, CASE WHEN 1 >= $8::int THEN now() END)
       ON CONFLICT (consumer, message_id) DO UPDATE SET
         attempts = dead.attempts + 1, last_error = EXCLUDED.last_error, last_failed_at = now(),
         parked_at = CASE WHEN dead.attempts + 1 >= $8::int THEN now() END
       WHERE dead.parked_at IS NULL
       RETURNING attempts, parked_at IS NOT NULL AS parked`,
      randomUUID(),
      message.consumer,
      message.messageId,
      message.subject,
      Buffer.from(message.payload),
      JSON.stringify(message.headers),
      error,
      parkAt,
    );
    return row;
  }

  /** A message handled after failing: its count of failures is dropped (a replayed row stays). */
  async forget(transaction: SqlClient, consumer: string, messageId: string): Promise<void> {
    await transaction.$executeRawUnsafe(
      `DELETE FROM ${this.table} WHERE consumer = $1 AND message_id = $2 AND parked_at IS NULL AND replayed_at IS NULL`,
      consumer,
      messageId,
    );
  }

  /** Parked messages per consumer, not replayed since. */
  async parkedPerConsumer(): Promise<{ consumer: string; parked: number }[]> {
    return this.database.$queryRawUnsafe(
      `SELECT consumer, count(*)::int AS parked FROM ${this.table} WHERE parked_at IS NOT NULL GROUP BY consumer`,
    );
  }

  /** Every message that failed, parked first, most recent failure first. */
  async list(consumer?: string): Promise<DeadLetter[]> {
    return this.database.$queryRawUnsafe(
      `SELECT ${LISTED} FROM ${this.table} WHERE ($1::text IS NULL OR consumer = $1)
       ORDER BY parked_at IS NULL, last_failed_at DESC, id`,
      consumer ?? null,
    );
  }

  /**
   * Takes parked messages (one by id, or every one of a consumer) for replay; on a store made on a
   * transaction they stay locked, so two operators replaying at once republish each message once.
   */
  async takeParked(which: { id: string } | { consumer: string }): Promise<ParkedMessage[]> {
    const [column, value] = 'id' in which ? ['id::text', which.id] : ['consumer', which.consumer];
    const rows = await this.database.$queryRawUnsafe<
      (Omit<ParkedMessage, 'payload'> & { payload: Buffer })[]
    >(
      `SELECT id::text AS id, consumer, subject, message_id AS "messageId", payload, headers
       FROM ${this.table} WHERE ${column} = $1 AND parked_at IS NOT NULL ORDER BY first_failed_at, id FOR UPDATE`,
      value,
    );
    return rows.map((row) => ({ ...row, payload: new Uint8Array(row.payload) }));
  }

  /** Replayed: the row counts its failures afresh, so a replay that fails again is parked again. */
  async markReplayed(id: string): Promise<void> {
    await this.database.$executeRawUnsafe(
      `UPDATE ${this.table} SET parked_at = NULL, attempts = 0, replayed_at = now() WHERE id = $1::uuid`,
      id,
    );
  }
}
