import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { fromBinary, type Message } from '@bufbuild/protobuf';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { eventSubject, type EventSchema } from '@onramp/contracts';
import { newCorrelationId, withCorrelationId } from '@onramp/logging';
import { DATABASE, quoteIdentifier, type Database, type SqlClient } from '@onramp/persistence';
import { correlationIdOf } from './headers';
import { InFlight } from './in-flight';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { NATS_CONNECTION } from './nats-connection';
import { RetryLater } from './retry-later';
import { ensureStream, streamFor } from './streams';

const ACK_WAIT_MS = 30_000;
const RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** What a handler may need besides the event itself. */
export interface EventContext {
  /**
   * The message's id (`Nats-Msg-Id`, the outbox row id): the same on every redelivery of one
   * event, different for every other event, so it identifies the event to third parties.
   */
  messageId: string;
  /**
   * Runs `work` once the transaction that applied the event has committed (never if it rolled
   * back), e.g. to nudge a relay that should see what the handler wrote. An error it throws is
   * logged; the message stays handled.
   */
  afterCommit: (work: () => void) => void;
}

/** A durable consumer EventConsumers runs: its name and the stream it reads. */
export interface DurableConsumer {
  durable: string;
  stream: string;
}

export interface EventSubscription<Event extends Message, Transaction extends SqlClient> {
  /** Names the durable consumer (`<service>-<name>`); replicas with the same name share the work. */
  name: string;
  schema: EventSchema<Event>;
  /**
   * How many messages one instance handles at once (default 1, in order). Raise it only for
   * handlers whose effects do not depend on order, e.g. sending independent emails.
   */
  concurrency?: number;
  /** Runs inside the transaction that also records the message as handled. */
  handler: (event: Event, transaction: Transaction, context: EventContext) => Promise<void>;
}

/**
 * Durable JetStream consumers with exactly-once effects: a message is acknowledged only after the
 * transaction that applied it committed, and that transaction records its id in
 * `processed_messages`, so a redelivered message is recognised and skipped.
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventConsumers');
  private readonly subscriptions: EventSubscription<Message, SqlClient>[] = [];
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private readonly inFlight = new InFlight();
  private readonly processedTable: string;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.processedTable = `${quoteIdentifier(options.databaseSchema!)}."processed_messages"`;
  }

  /** Register during module init; consumption starts once the application has bootstrapped. */
  subscribe<Event extends Message, Transaction extends SqlClient>(
    subscription: EventSubscription<Event, Transaction>,
  ): void {
    this.subscriptions.push(subscription as unknown as EventSubscription<Message, SqlClient>);
  }

  /** Every durable consumer registered, named as consumption names them (`<service>-<name>`). */
  durableConsumers(): DurableConsumer[] {
    return this.subscriptions.map((subscription) => ({
      durable: this.durableName(subscription),
      stream: streamFor(eventSubject(subscription.schema)).name,
    }));
  }

  async onApplicationBootstrap(): Promise<void> {
    const manager = await jetstreamManager(this.connection);
    const js = jetstream(this.connection);
    for (const subscription of this.subscriptions) {
      const subject = eventSubject(subscription.schema);
      const stream = await ensureStream(manager, subject);
      const durable = this.durableName(subscription);
      await manager.consumers.add(stream, {
        durable_name: durable,
        filter_subject: subject,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(ACK_WAIT_MS),
      });
      const messages = await (
        await js.consumers.get(stream, durable)
      ).consume({ max_messages: 64 });
      this.running.push({ messages, loop: this.consume(messages, durable, subscription) });
    }
  }

  private durableName(subscription: EventSubscription<Message, SqlClient>): string {
    return `${this.options.service}-${subscription.name}`;
  }

  /** Stops pulling, then lets the messages in hand finish (and be acknowledged). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const { messages } of this.running) await messages.close();
    await Promise.all(this.running.map(({ loop }) => loop));
    await this.inFlight.settled();
  }

  private async consume(
    messages: ConsumerMessages,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const limit = Math.max(1, subscription.concurrency ?? 1);
    const handling = new Set<Promise<void>>();
    for await (const message of messages) {
      const work = this.inFlight.track(this.handle(message, durable, subscription));
      handling.add(work);
      void work.finally(() => handling.delete(work));
      if (handling.size >= limit) await Promise.race(handling);
    }
    await Promise.all(handling);
  }

  private handle(
    message: JsMsg,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    return withCorrelationId(correlationIdOf(message.headers) ?? newCorrelationId(), async () => {
      const messageId =
        message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.seq}`;
      let event: Message;
      try {
        event = fromBinary(subscription.schema, message.data);
      } catch {
        this.logger.error(
          `${durable}: message ${messageId} on ${message.subject} cannot be decoded; it is discarded`,
        );
        message.term();
        return;
      }
      const committed: (() => void)[] = [];
      try {
        await this.database.$transaction(async (transaction) => {
          const firstTime = await transaction.$executeRawUnsafe(
            `INSERT INTO ${this.processedTable} (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            durable,
            messageId,
          );
          if (firstTime === 1)
            await subscription.handler(event, transaction, {
              messageId,
              afterCommit: (work) => {
                committed.push(work);
              },
            });
        });
        for (const work of committed) this.runCommitted(work, durable, messageId);
        message.ack();
        this.logger.log(`${durable}: handled ${message.subject} message ${messageId}`);
      } catch (error) {
        if (error instanceof RetryLater) {
          const delayMs = Math.min(Math.max(error.delayMs, RETRY_DELAY_MS), MAX_RETRY_DELAY_MS);
          this.logger.log(
            `${durable}: message ${messageId} again in ${delayMs} ms: ${error.message}`,
          );
          message.nak(delayMs);
          return;
        }
        this.logger.warn(
          `${durable}: handling message ${messageId} failed, it will be redelivered: ${error instanceof Error ? error.message : String(error)}`,
        );
        message.nak(RETRY_DELAY_MS);
      }
    });
  }

  /** Work a handler left for after its commit: a failure of it is logged, not redelivered. */
  private runCommitted(work: () => void, durable: string, messageId: string): void {
    try {
      work();
    } catch (error) {
      this.logger.error(
        `${durable}: work after message ${messageId} committed failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
