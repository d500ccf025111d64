import { Inject, Injectable, Logger } from '@nestjs/common';
import { jetstreamManager, type ConsumerInfo, type JetStreamManager } from '@nats-io/jetstream';
import { EventConsumers, NATS_CONNECTION } from '@onramp/messaging';
import { Gauge } from 'prom-client';
import { EmailMetrics } from './email-metrics';

type NatsConnection = Parameters<typeof jetstreamManager>[0];

/** Prometheus gives up on a scrape after 10 s by default; one slow NATS answer must not cost it. */
export const CONSUMER_INFO_TIMEOUT_MS = 1_000;

/**
 * Consumer lag of every durable consumer EventConsumers runs, read from JetStream at scrape time:
 * messages not delivered yet, and messages delivered but not acknowledged yet. A consumer whose
 * info cannot be read in time is left out of that scrape (no sample rather than a stale one), so
 * /metrics always answers.
 */
@Injectable()
export class ConsumerLagMetrics {
  private readonly logger = new Logger('ConsumerLagMetrics');
  private manager?: Promise<JetStreamManager>;
  /** Both gauges collect in the same scrape; they share one round of requests. */
  private reading?: Promise<ReadonlyMap<string, ConsumerInfo>>;

  constructor(
    metrics: EmailMetrics,
    private readonly consumers: EventConsumers,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
  ) {
    const read = () => this.read();
    new Gauge<'consumer'>({
      name: 'onramp_consumer_pending_messages',
      help: 'Messages in the stream not yet delivered to the durable consumer (num_pending)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const [consumer, info] of await read()) this.set({ consumer }, info.num_pending);
      },
    });
    new Gauge<'consumer'>({
      name: 'onramp_consumer_ack_pending_messages',
      help: 'Messages delivered to the durable consumer and not yet acknowledged (num_ack_pending)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const [consumer, info] of await read()) this.set({ consumer }, info.num_ack_pending);
      },
    });
  }

  private read(): Promise<ReadonlyMap<string, ConsumerInfo>> {
    this.reading ??= this.readAll().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readAll(): Promise<ReadonlyMap<string, ConsumerInfo>> {
    const infos = new Map<string, ConsumerInfo>();
    await Promise.all(
      this.consumers.durableConsumers().map(async ({ durable, stream }) => {
        try {
          infos.set(
            durable,
            await withinDeadline(this.consumerInfo(stream, durable), CONSUMER_INFO_TIMEOUT_MS),
          );
        } catch (error) {
          this.logger.debug(
            `${durable}: lag not read, left out of this scrape: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }),
    );
    return infos;
  }

  private async consumerInfo(stream: string, durable: string): Promise<ConsumerInfo> {
    // No account check at creation: it would be one more request to wait for on the first scrape.
    this.manager ??= jetstreamManager(this.connection, {
      timeout: CONSUMER_INFO_TIMEOUT_MS,
      checkAPI: false,
    });
    return (await this.manager).consumers.info(stream, durable);
  }
}

/**
 * One bound on the whole read, creating the manager included, rather than trusting that every wait
 * inside the client honours its request timeout.
 */
function withinDeadline<Result>(work: Promise<Result>, milliseconds: number): Promise<Result> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${milliseconds} ms`)),
      milliseconds,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
