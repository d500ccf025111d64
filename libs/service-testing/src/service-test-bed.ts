import { Test, type TestingModule } from '@nestjs/testing';
import type { DynamicModule, Type } from '@nestjs/common';
import type {
  DescMessage,
  DescMethodUnary,
  Message,
  MessageInitShape,
  MessageShape,
} from '@bufbuild/protobuf';
import type { EventSchema } from '@onramp/contracts';
import { databaseEnv, serviceEnv } from '@onramp/config';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DeadLetterStore,
  EventConsumers,
  NATS_CONNECTION,
  Outbox,
  RpcClient,
  type DeadLetter,
} from '@onramp/messaging';
import { applyMigrations, DATABASE, quoteIdentifier, type Database } from '@onramp/persistence';
import { coreModules } from '@onramp/runtime';
import {
  createDatabase,
  eventually,
  provideInfrastructure,
  type Infrastructure,
} from '@onramp/testing';
import { Registry } from 'prom-client';
import type { z } from 'zod';

/** What a service's integration tests start: the same modules its main runs. */
export interface ServiceUnderTest {
  /** The service, which is also the name of the schema it owns. */
  name: string;
  migrationsDir: string;
  /** The service's own variables (runDatabaseService's `config`) and the values tests give them. */
  config?: z.ZodObject;
  variables?: Record<string, string>;
  createClient: (databaseUrl: string) => Database;
  features: (Type | DynamicModule)[];
}

/**
 * Real Postgres (a fresh database with the service's migrations applied) and NATS for one spec,
 * and instances of the service on them — several at once act as replicas.
 */
export class ServiceTestBed {
  private readonly instances: TestingModule[] = [];

  private constructor(
    private readonly infrastructure: Infrastructure,
    readonly databaseUrl: string,
    private readonly service: ServiceUnderTest,
  ) {}

  static async start(service: ServiceUnderTest): Promise<ServiceTestBed> {
    const infrastructure = await provideInfrastructure();
    const databaseUrl = await createDatabase(infrastructure.postgresUrl);
    await applyMigrations({
      databaseUrl,
      schema: service.name,
      migrationsDir: service.migrationsDir,
    });
    return new ServiceTestBed(infrastructure, databaseUrl, service);
  }

  /** Starts one instance, with `variables` on top of the test defaults. */
  async instance(variables: Record<string, string> = {}): Promise<ServiceInstance> {
    const { name, config, createClient, features } = this.service;
    const common = serviceEnv.extend(databaseEnv.shape);
    // The service's own variables are checked here and typed where the service reads them.
    const schema = (config === undefined ? common : common.extend(config.shape)) as typeof common;
    const env = schema.parse({
      PORT: '3000',
      NATS_URL: this.infrastructure.natsUrl,
      DATABASE_URL: this.databaseUrl,
      LOG_LEVEL: 'warn',
      ...this.service.variables,
      ...variables,
    });
    const module = await Test.createTestingModule({
      imports: [
        ...coreModules({
          service: name,
          env,
          database: { schema: name, createClient: () => createClient(this.databaseUrl), env },
        }),
        ...features,
      ],
    }).compile();
    await module.init();
    this.instances.push(module);
    return new ServiceInstance(name, module, env);
  }

  async stop(): Promise<void> {
    for (const instance of this.instances) await instance.close();
    await this.infrastructure.stop();
  }
}

/** One running instance: its modules, its parsed variables, and the RPCs as a client calls them. */
export class ServiceInstance {
  constructor(
    private readonly service: string,
    readonly module: TestingModule,
    readonly env: Record<string, unknown>,
  ) {}

  /** The instance's Prisma client, typed as the service's own. */
  database<Client>(): Client {
    return this.module.get<Client>(DATABASE);
  }

  call<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    request: MessageInitShape<Input>,
  ): Promise<MessageShape<Output>> {
    return this.module.get(RpcClient).call(method, request);
  }

  /**
   * Publishes an event as its producer would (through an outbox and JetStream), here through the
   * instance's own outbox, so it reaches the service's consumers on the real path. Answers the
   * message id.
   */
  async publish<Event extends Message>(
    schema: EventSchema<Event>,
    event: MessageInitShape<EventSchema<Event>>,
  ): Promise<string> {
    const outbox = this.module.get(Outbox);
    const messageId = await this.database<Database>().$transaction((transaction) =>
      outbox.append(transaction, schema, event),
    );
    outbox.nudge();
    return messageId;
  }

  /**
   * Publishes bytes no event schema decodes (the poison a broken producer would send) straight to
   * JetStream, once on each subject the instance consumes, and waits until every consumer has
   * parked it. Answers, by durable name, what each consumer then lists and its dead-letter gauge;
   * `parkedOnceEach` is what that must be.
   */
  async poisonEveryConsumer(): Promise<Record<string, PoisonOutcome>> {
    const consumers = this.module.get(EventConsumers).durableConsumers();
    const js = jetstream(this.module.get<NatsConnection>(NATS_CONNECTION));
    for (const subject of new Set(consumers.map((consumer) => consumer.subject)))
      await js.publish(subject, new Uint8Array([0xff, 0xff, 0xff, 0xff]), {
        msgID: `poison-${subject}`,
      });
    const store = new DeadLetterStore(this.database<Database>(), this.service);
    const deadLetters = new Map<string, DeadLetter[]>();
    await eventually('every consumer to park the poison', async () => {
      for (const { durable } of consumers) deadLetters.set(durable, await store.list(durable));
      return [...deadLetters.values()].every((rows) => rows.some((row) => row.parkedAt !== null));
    });
    const metrics = await this.module.get(Registry).metrics();
    const outcomes: Record<string, PoisonOutcome> = {};
    for (const [consumer, rows] of deadLetters)
      outcomes[consumer] = {
        listed: rows.map((row) => ({
          consumer: row.consumer,
          attempts: row.attempts,
          lastError: row.lastError,
          parked: row.parkedAt instanceof Date,
        })),
        gauge: gaugeOf(metrics, consumer),
      };
    return outcomes;
  }

  /** Whether a consumer (by its name, as subscribed) has handled that message. */
  async handled(consumer: string, messageId: string): Promise<boolean> {
    const rows = await this.database<Database>().$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM ${quoteIdentifier(this.service)}.processed_messages WHERE consumer = $1 AND message_id = $2`,
      `${this.service}-${consumer}`,
      messageId,
    );
    return rows.length > 0;
  }
}

/** What one consumer shows after `poisonEveryConsumer`: its dead letters and its gauge. */
export interface PoisonOutcome {
  listed: { consumer: string; attempts: number; lastError: string; parked: boolean }[];
  gauge: number | undefined;
}

/** The outcome every consumer must show: the poison parked once, at once, and counted. */
export function parkedOnceEach(consumers: string[]): Record<string, PoisonOutcome> {
  return Object.fromEntries(
    consumers.map((consumer) => [
      consumer,
      {
        listed: [
          { consumer, attempts: 1, lastError: 'the message cannot be decoded', parked: true },
        ],
        gauge: 1,
      },
    ]),
  );
}

/** The value of a consumer's `onramp_dead_letters` gauge in Prometheus' text format. */
function gaugeOf(metrics: string, consumer: string): number | undefined {
  const line = metrics
    .split('\n')
    .find((candidate) => candidate.startsWith(`onramp_dead_letters{consumer="${consumer}"} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}
