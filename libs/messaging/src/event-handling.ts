import { Inject, Injectable, Logger } from '@nestjs/common';
import { fromBinary, type Message } from '@bufbuild/protobuf';
import type { JsMsg } from '@nats-io/jetstream';
import { newCorrelationId, withCorrelationId } from '@onramp/logging';
import { DATABASE, quoteIdentifier, type Database, type SqlClient } from '@onramp/persistence';
import { DeadLetterStore, type FailedMessage } from './dead-letter-store';
import { EventFailures } from './event-failures';
import type { EventSubscription } from './event-subscription';
import { correlationIdOf } from './headers';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { replayOf, storedHeaders } from './replay';

/**
 * Handles one message with exactly-once effects: it is acknowledged only after the transaction
 * that applied it committed, and that transaction records its id in `processed_messages`, so a
 * redelivered message is recognised and skipped. What fails goes to EventFailures.
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

  handle(
    message: JsMsg,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    return withCorrelationId(correlationIdOf(message.headers) ?? newCorrelationId(), async () => {
      const replay = replayOf(message.headers);
      if (replay !== undefined && replay.consumer !== durable) {
        // Replayed for another consumer of this subject; this one handled it the first time.
        message.ack();
        return;
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
      let event: Message;
      try {
        event = fromBinary(subscription.schema, message.data);
      } catch {
        await this.failures.undecodable(message, failed);
        return;
      }
      try {
        await this.apply(message, failed, event, subscription);
      } catch (error) {
        await this.failures.handlingFailed(message, failed, error);
      }
    });
  }

  private async apply(
    message: JsMsg,
    { consumer, messageId }: FailedMessage,
    event: Message,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const committed: (() => void)[] = [];
    await this.database.$transaction(async (transaction) => {
      const firstTime = await transaction.$executeRawUnsafe(
        `INSERT INTO ${this.processedTable} (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        consumer,
        messageId,
      );
      if (firstTime !== 1) return;
      await subscription.handler(event, transaction, {
        messageId,
        afterCommit: (work) => {
          committed.push(work);
        },
      });
      // Only a redelivered message can have failed before.
      if (message.info.deliveryCount > 1)
        await this.deadLetters.forget(transaction, consumer, messageId);
    });
    for (const work of committed) this.runCommitted(work, consumer, messageId);
    message.ack();
    this.logger.log(`${consumer}: handled ${message.subject} message ${messageId}`);
  }

  /** Work a handler left for after its commit: a failure of it is logged, not redelivered. */
  private runCommitted(work: () => void, consumer: string, messageId: string): void {
    try {
      work();
    } catch (error) {
      this.logger.error(
        `${consumer}: work after message ${messageId} committed failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
