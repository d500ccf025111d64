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

/** A durable consumer EventConsumers runs: its name, the stream it reads and its subject there. */
export interface DurableConsumer {
  durable: string;
  stream: string;
  subject: string;
}

/**
 * Durable JetStream consumers, one per subscription, shared by a service's replicas. Each message
 * is handled exactly once (EventHandling); one that keeps failing is parked as a dead letter
 * (EventFailures) and the consumer goes on with the next.
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
      const work = this.inFlight.track(this.handling.handle(message, durable, subscription));
      handling.add(work);
      void work.finally(() => handling.delete(work));
      if (handling.size >= limit) await Promise.race(handling);
    }
    await Promise.all(handling);
  }
}
