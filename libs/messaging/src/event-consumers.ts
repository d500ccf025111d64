import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Message } from '@bufbuild/protobuf';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { eventSubject } from '@onramp/contracts';
import type { SqlClient } from '@onramp/persistence';
import { EventHandling } from './event-handling';
import type { EventSubscription } from './event-subscription';
import { InFlight } from './in-flight';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { NATS_CONNECTION } from './nats-connection';
import { ensureStream, streamFor } from './streams';

const ACK_WAIT_MS = 30_000;
/** Most messages handled in one transaction. */
const MAX_BATCH = 100;

/** A durable consumer EventConsumers runs: its name, the stream it reads and its subject there. */
export interface DurableConsumer {
  durable: string;
  stream: string;
  subject: string;
}

/**
 * Durable JetStream consumers, one per subscription, shared by a service's replicas. Each message
 * is handled exactly once (EventHandling); one that keeps failing is parked as a dead letter
 * (EventFailures) and the consumer goes on with the next. A consumer handling messages in order
 * applies those that queued up meanwhile in one transaction.
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscriptions: EventSubscription<Message, SqlClient>[] = [];
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private readonly inFlight = new InFlight();

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly handling: EventHandling,
  ) {}

  /** Register during module init; consumption starts once the application has bootstrapped. */
  subscribe<Event extends Message, Transaction extends SqlClient>(
    subscription: EventSubscription<Event, Transaction>,
  ): void {
    this.subscriptions.push(subscription as unknown as EventSubscription<Message, SqlClient>);
  }

  /** Every durable consumer registered, named as consumption names them (`<service>-<name>`). */
  durableConsumers(): DurableConsumer[] {
    return this.subscriptions.map((subscription) => {
      const subject = eventSubject(subscription.schema);
      return { durable: this.durableName(subscription), stream: streamFor(subject).name, subject };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const manager = await jetstreamManager(this.connection);
    const js = jetstream(this.connection);
    for (const subscription of this.subscriptions) {
      const subject = eventSubject(subscription.schema);
      const stream = await ensureStream(manager, subject, this.options.replicas);
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
      ).consume({ max_messages: MAX_BATCH });
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

  private consume(
    messages: ConsumerMessages,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const concurrency = Math.max(1, subscription.concurrency ?? 1);
    return concurrency === 1
      ? this.consumeInBatches(messages, durable, subscription)
      : this.consumeConcurrently(messages, durable, subscription, concurrency);
  }

  /**
   * In order, the messages that arrived while the previous ones were handled making one batch
   * (up to MAX_BATCH, one transaction): one at a time when they come slowly, fewer transactions
   * when they come fast.
   */
  private async consumeInBatches(
    messages: ConsumerMessages,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
  ): Promise<void> {
    const arrived: JsMsg[] = [];
    let signal: (() => void) | undefined;
    let ended = false;
    const wakeUp = () => {
      signal?.();
      signal = undefined;
    };
    const waitForSignal = () => new Promise<void>((resolve) => (signal = resolve));
    const reading = (async () => {
      for await (const message of messages) {
        arrived.push(message);
        wakeUp();
        // Holds the pull back while two batches wait, so messages are not kept past ack_wait.
        while (arrived.length >= 2 * MAX_BATCH && !ended) await waitForSignal();
      }
    })().finally(() => {
      ended = true;
      wakeUp();
    });
    for (;;) {
      if (arrived.length === 0) {
        if (ended) break;
        await waitForSignal();
        continue;
      }
      const batch = arrived.splice(0, MAX_BATCH);
      wakeUp();
      await this.inFlight.track(this.handling.handleBatch(batch, durable, subscription));
    }
    await reading;
  }

  private async consumeConcurrently(
    messages: ConsumerMessages,
    durable: string,
    subscription: EventSubscription<Message, SqlClient>,
    limit: number,
  ): Promise<void> {
    const handling = new Set<Promise<void>>();
    for await (const message of messages) {
      const work = this.inFlight.track(this.handling.handle(message, durable, subscription));
      handling.add(work);
      void work.finally(() => handling.delete(work));
      if (handling.size >= limit) await Promise.race(handling);
    }
    await Promise.all(handling);
  }
}
