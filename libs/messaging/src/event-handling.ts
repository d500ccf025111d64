import { Inject, Injectable, Logger } from '@nestjs/common';
import { fromBinary, type Message } from '@bufbuild/protobuf';
import type { JsMsg } from '@nats-io/jetstream';
import { newCorrelationId, withCorrelationId } from '@onramp/logging';
import { DATABASE, quoteIdentifier, type Database, type SqlClient } from '@onramp/persistence';
import { DeadLetterStore, type FailedMessage } from './dead-letter-store';
import { EventFailures } from './event-failures';
import type { EventContext, EventSubscription } from './event-subscription';
import { correlationIdOf } from './headers';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { replayOf, storedHeaders } from './replay';

/** A message decoded and ready for its handler. */
interface Decoded {
  message: JsMsg;
  failed: FailedMessage;
  event: Message;
}

/**
 * Handles messages with exactly-once effects: a message is acknowledged only after the
 * transaction that applied it committed, and that transaction records its id in
 * `processed_messages`, so a redelivered message is recognised and skipped. Messages that arrive
 * together are applied in one transaction, in order; when that fails, each is applied again on
 * its own, so that only the message at fault goes to EventFailures.
 */
@Injectable()
export class EventHandling {
  private readonly logger = new Logger('EventConsumers');
  private readonly processedTable: string;
  private readonly deadLetters: DeadLetterStore;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly failures: EventFailures,
  ) {
    this.processedTable = `${quoteIdentifier(options.databaseSchema!)}."processed_messages"`;
    this.deadLetters = new DeadLetterStore(database, options.databaseSchema!);
  }

  /** Handles one message on its own. */
  handle(
    message: JsMsg,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    return this.handleBatch([message], durable, subscription);
  }

  /** Handles messages of one consumer, in their order. */
  async handleBatch(
    messages: JsMsg[],
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const decoded: Decoded[] = [];
    for (const message of messages) {
      const ready = await this.decoded(message, durable, subscription);
      if (ready !== undefined) decoded.push(ready);
    }
    if (decoded.length > 1) {
      try {
        await this.apply(decoded, subscription);
        return;
      } catch {
        // Nothing of the batch was written: each message is tried on its own below.
      }
    }
    for (const one of decoded) {
      try {
        await this.apply([one], subscription);
      } catch (error) {
        await this.failures.handlingFailed(one.message, one.failed, error);
      }
    }
  }

  /** The message decoded, or undefined when it is settled already (not for us, undecodable). */
  private async decoded(
    message: JsMsg,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<Decoded | undefined> {
    const replay = replayOf(message.headers);
    if (replay !== undefined && replay.consumer !== durable) {
      // Replayed for another consumer of this subject; this one handled it the first time.
      message.ack();
      return undefined;
    }
    const failed: FailedMessage = {
      consumer: durable,
      subject: message.subject,
      messageId:
        replay?.messageId ||
        message.headers?.get('Nats-Msg-Id') ||
        `${message.info.stream}:${message.seq}`,
      payload: message.data,
      headers: storedHeaders(message.headers),
    };
    try {
      return { message, failed, event: fromBinary(subscription.schema, message.data) };
    } catch {
      await this.failures.undecodable(message, failed);
      return undefined;
    }
  }

  /** Applies the messages in one transaction, skipping those handled before, then acks them. */
  private async apply(
    batch: Decoded[],
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const consumer = batch[0].failed.consumer;
    const committed: (() => void)[] = [];
    await this.database.$transaction(async (transaction) => {
      const firstTime = await this.recordProcessed(
        transaction,
        consumer,
        batch.map(({ failed }) => failed.messageId),
      );
      // A message delivered twice within one batch is applied once.
      const fresh = batch.filter(({ failed }) => firstTime.delete(failed.messageId));
      const contextOf = ({ failed }: Decoded): EventContext => ({
        messageId: failed.messageId,
        afterCommit: (work) => {
          committed.push(work);
        },
      });
      if (fresh.length > 1 && subscription.handleMany !== undefined)
        await subscription.handleMany(
          fresh.map((one) => ({ event: one.event, context: contextOf(one) })),
          transaction,
        );
      else
        for (const one of fresh)
          await withCorrelationId(correlationIdOf(one.message.headers) ?? newCorrelationId(), () =>
            subscription.handler(one.event, transaction, contextOf(one)),
          );
      // Only a redelivered message can have failed before.
      for (const { message, failed } of fresh)
        if (message.info.deliveryCount > 1)
          await this.deadLetters.forget(transaction, consumer, failed.messageId);
    });
    for (const work of committed) this.runCommitted(work, consumer);
    for (const { message, failed } of batch) {
      message.ack();
      withCorrelationId(correlationIdOf(message.headers) ?? newCorrelationId(), () =>
        this.logger.log(`${consumer}: handled ${message.subject} message ${failed.messageId}`),
      );
    }
  }

  /** Records the ids as processed by the consumer; answers those recorded only now. */
  private async recordProcessed(
    transaction: SqlClient,
    consumer: string,
    messageIds: string[],
  ): Promise<Set<string>> {
    const rows = await transaction.$queryRawUnsafe<{ message_id: string }[]>(
      `INSERT INTO ${this.processedTable} (consumer, message_id)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING message_id`,
      consumer,
      messageIds,
    );
    return new Set(rows.map((row) => row.message_id));
  }

  /** Work a handler left for after its commit: a failure of it is logged, not redelivered. */
  private runCommitted(work: () => void, consumer: string): void {
    try {
      work();
    } catch (error) {
      this.logger.error(
        `${consumer}: work after a message committed failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
