import type { TestingModule } from '@nestjs/testing';
import { create, toBinary } from '@bufbuild/protobuf';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { identity } from '@onramp/contracts';
import type { Database, SqlClient } from '@onramp/persistence';
import {
  createDatabase,
  eventually,
  pgDatabase,
  provideInfrastructure,
  type Infrastructure,
} from '@onramp/testing';
import { DeadLetterStore } from './dead-letter-store';
import { EventConsumers } from './event-consumers';
import { NATS_CONNECTION } from './nats-connection';
import { messagingTables, messagingTestApp } from './testing/messaging-test-app';

const SCHEMA_SQL = `
  ${messagingTables('batch')}
  CREATE TABLE batch.applied (position serial, consumer text NOT NULL, user_id text NOT NULL,
    transaction_id bigint NOT NULL DEFAULT txid_current());`;

const EVENTS = 250;
const POISON = 'user-137';

describe('event batches: messages that queue up are applied together, exactly once, in order', () => {
  let infrastructure: Infrastructure;
  let pool: Pool;
  let database: Database;
  let app: TestingModule | undefined;
  /** How many events each call of the `together` consumer's handleMany received. */
  const batchSizes: number[] = [];
  /** How many events the `together` consumer's handler received one at a time. */
  let singles = 0;

  async function start(): Promise<TestingModule> {
    const started = await messagingTestApp(database, infrastructure.natsUrl, 'batch', {
      maxAttempts: 2,
      baseDelayMs: 200,
      maxWaitMs: 8_000,
    });
    const consumers = started.get(EventConsumers);
    const apply = (consumer: string, transaction: SqlClient, userId: string) =>
      transaction.$executeRawUnsafe(
        'INSERT INTO batch.applied (consumer, user_id) VALUES ($1, $2)',
        consumer,
        userId,
      );
    consumers.subscribe<identity.UserCreated, SqlClient>({
      name: 'one-by-one',
      schema: identity.UserCreatedSchema,
      handler: async (event, transaction) => {
        await apply('one-by-one', transaction, event.userId);
        if (event.userId === POISON) throw new Error(`cannot apply ${POISON}`);
      },
    });
    consumers.subscribe<identity.UserCreated, SqlClient>({
      name: 'together',
      schema: identity.UserCreatedSchema,
      handler: async (event, transaction) => {
        singles += 1;
        await apply('together', transaction, event.userId);
      },
      handleMany: async (batch, transaction) => {
        batchSizes.push(batch.length);
        for (const { event } of batch) await apply('together', transaction, event.userId);
      },
    });
    await started.init();
    return started;
  }

  beforeAll(async () => {
    infrastructure = await provideInfrastructure();
    pool = new Pool({ connectionString: await createDatabase(infrastructure.postgresUrl) });
    pool.on('error', () => undefined);
    await pool.query(SCHEMA_SQL);
    database = pgDatabase(pool);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await infrastructure?.stop();
  });

  const appliedBy = async (consumer: string) =>
    (
      await pool.query<{ user_id: string; transaction_id: string }>(
        'SELECT user_id, transaction_id FROM batch.applied WHERE consumer = $1 ORDER BY position',
        [consumer],
      )
    ).rows;
  const userIds = Array.from({ length: EVENTS }, (_, index) => `user-${index}`);

  it('applies a backlog in few transactions, skipping only the poison message', async () => {
    app = await start();
    const js = jetstream(app.get<NatsConnection>(NATS_CONNECTION));
    // Published at once: they reach the consumers faster than one transaction each commits.
    await Promise.all(
      userIds.map((userId) =>
        js.publish(
          'identity.user.created.v1',
          toBinary(identity.UserCreatedSchema, create(identity.UserCreatedSchema, { userId })),
          { msgID: `created-${userId}` },
        ),
      ),
    );

    await eventually(
      'the together consumer to apply every event',
      async () => (await appliedBy('together')).length === EVENTS,
    );
    const together = await appliedBy('together');
    expect(together.map(({ user_id }) => user_id)).toEqual(userIds);
    const transactions = new Set(together.map(({ transaction_id }) => transaction_id));
    expect(transactions.size).toBeLessThan(EVENTS / 5);
    expect(batchSizes.reduce((sum, size) => sum + size, 0) + singles).toBe(EVENTS);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);

    // A batch with the poison message is applied again one by one: every other event exactly
    // once, in order, and the poison message parked.
    await eventually(
      'the poison message to be parked',
      async () =>
        (await new DeadLetterStore(database, 'batch').list('batch-one-by-one'))[0]
          ?.parkedAt instanceof Date,
    );
    const oneByOne = await appliedBy('one-by-one');
    expect(oneByOne.map(({ user_id }) => user_id)).toEqual(
      userIds.filter((userId) => userId !== POISON),
    );
  });
});
