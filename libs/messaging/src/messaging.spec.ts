import type { TestingModule } from '@nestjs/testing';
import { headers } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { create, toBinary } from '@bufbuild/protobuf';
import { Pool } from 'pg';
import { identity } from '@onramp/contracts';
import { DomainError, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@onramp/errors';
import { DATABASE, type Database, type SqlClient } from '@onramp/persistence';
import {
  createDatabase,
  pgDatabase,
  provideInfrastructure,
  type Infrastructure,
} from '@onramp/testing';
import { messagingTables, messagingTestApp } from './testing/messaging-test-app';
import { EventConsumers } from './event-consumers';
import { NATS_CONNECTION } from './nats-connection';
import { Outbox } from './outbox';
import { RetryLater } from './retry-later';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';
import type { NatsConnection } from '@nats-io/transport-node';

const SCHEMA_SQL = `
  ${messagingTables('demo')}
  CREATE TABLE demo.seen (user_id text NOT NULL, message_id text NOT NULL);`;

describe('messaging against real NATS and Postgres', () => {
  let infrastructure: Infrastructure;
  let pool: Pool;
  let app: TestingModule;
  const failOnce = new Set<string>();
  /** When the handler that asks to be called later was called. */
  const laterCalls: number[] = [];
  /** Handlers running at once, per subscription, and the most seen. */
  const running = { seen: 0, seenMost: 0, updates: 0, updatesMost: 0, updatesDone: 0 };
  /** Attempts of the handler that leaves work for after its commit, and what that work saw. */
  let committedAttempts = 0;
  const afterCommitRuns: { attempt: number; rowsSeen: number }[] = [];

  beforeAll(async () => {
    infrastructure = await provideInfrastructure();
    pool = new Pool({ connectionString: await createDatabase(infrastructure.postgresUrl) });
    // Idle connections are cut when the server stops at the end of the suite; that is expected.
    pool.on('error', () => undefined);
    await pool.query(SCHEMA_SQL);
    const database = pgDatabase(pool);

    app = await messagingTestApp(database, infrastructure.natsUrl, 'demo', {
      maxAttempts: 10,
      baseDelayMs: 1_000,
      maxWaitMs: 60_000,
    });
    const rpc = app.get(RpcServer);
    rpc.handle(identity.IdentityService.method.createUser, (request) => {
      if (request.email === 'database-down@example.com') {
        // What the driver adapter reports for a server that refuses connections.
        return Promise.reject(
          Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
            code: 'P1001',
            meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
          }),
        );
      }
      if (request.email === 'busy@example.com') {
        return Promise.reject(DomainError.rateLimited('slow down', 7));
      }
      if (request.email === 'taken@example.com') {
        return Promise.reject(
          new DomainError('conflict', 'taken', [{ field: 'email', message: 'in use' }]),
        );
      }
      return Promise.resolve({ user: { id: 'u-1', email: request.email, name: request.name } });
    });
    app.get(EventConsumers).subscribe<identity.UserCreated, SqlClient>({
      name: 'seen',
      schema: identity.UserCreatedSchema,
      handler: async (event, transaction, { messageId }) => {
        running.seenMost = Math.max(running.seenMost, ++running.seen);
        try {
          await transaction.$executeRawUnsafe(
            'INSERT INTO demo.seen (user_id, message_id) VALUES ($1, $2)',
            event.userId,
            messageId,
          );
          if (failOnce.delete(event.userId)) throw new Error('transient failure');
        } finally {
          running.seen -= 1;
        }
      },
    });
    app.get(EventConsumers).subscribe<identity.UserDeactivated, SqlClient>({
      name: 'later',
      schema: identity.UserDeactivatedSchema,
      handler: () => {
        laterCalls.push(Date.now());
        return laterCalls.length === 1
          ? Promise.reject(new RetryLater('not yet', 1_500))
          : Promise.resolve();
      },
    });
    app.get(EventConsumers).subscribe<identity.UserUpdated, SqlClient>({
      name: 'updates',
      schema: identity.UserUpdatedSchema,
      concurrency: 4,
      handler: async () => {
        running.updatesMost = Math.max(running.updatesMost, ++running.updates);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running.updates -= 1;
        running.updatesDone += 1;
      },
    });
    app.get(EventConsumers).subscribe<identity.UserReactivated, SqlClient>({
      name: 'after-commit',
      schema: identity.UserReactivatedSchema,
      handler: async (event, transaction, { messageId, afterCommit }) => {
        const attempt = (committedAttempts += 1);
        await transaction.$executeRawUnsafe(
          'INSERT INTO demo.seen (user_id, message_id) VALUES ($1, $2)',
          event.userId,
          messageId,
        );
        afterCommit(() => {
          // Another connection than the handler's transaction: only committed rows show.
          void pool
            .query('SELECT count(*) FROM demo.seen WHERE user_id = $1', [event.userId])
            .then(({ rows }) => afterCommitRuns.push({ attempt, rowsSeen: Number(rows[0].count) }));
        });
        if (attempt === 1) throw new Error('rolled back');
      },
    });
    await app.init();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await infrastructure?.stop();
  });

  const seenCount = async (userId: string) =>
    Number(
      (await pool.query('SELECT count(*) FROM demo.seen WHERE user_id = $1', [userId])).rows[0]
        .count,
    );
  const eventually = async (probe: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 100 && !(await probe()); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it('answers a typed request', async () => {
    const response = await app
      .get(RpcClient)
      .call(identity.IdentityService.method.createUser, { email: 'a@example.com', name: 'A' });
    expect(response.user).toMatchObject({ id: 'u-1', email: 'a@example.com', name: 'A' });
  });

  it('brings a remote DomainError back with its code and violations', async () => {
    const call = app
      .get(RpcClient)
      .call(identity.IdentityService.method.createUser, { email: 'taken@example.com', name: 'B' });
    await expect(call).rejects.toMatchObject({
      code: 'conflict',
      detail: 'taken',
      violations: [{ field: 'email', message: 'in use' }],
    });
    const limited = app
      .get(RpcClient)
      .call(identity.IdentityService.method.createUser, { email: 'busy@example.com', name: 'C' });
    await expect(limited).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
  });

  it('answers service_unavailable, with when to try again, while the database is unavailable', async () => {
    const call = app.get(RpcClient).call(identity.IdentityService.method.createUser, {
      email: 'database-down@example.com',
      name: 'D',
    });
    await expect(call).rejects.toMatchObject({
      code: 'service_unavailable',
      detail: 'the database is unavailable for now; try again shortly',
      retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
  });

  it('publishes appended events once they commit, and applies each exactly once', async () => {
    const database = app.get<Database>(DATABASE);
    const outbox = app.get(Outbox);
    const ids = Array.from({ length: 25 }, (_, index) => `user-${index}`);
    failOnce.add('user-3');
    await database.$transaction(async (transaction) => {
      for (const userId of ids)
        await outbox.append(transaction, identity.UserCreatedSchema, {
          userId,
          email: `${userId}@example.com`,
          name: userId,
        });
    });
    await database
      .$transaction(async (transaction) => {
        await outbox.append(transaction, identity.UserCreatedSchema, {
          userId: 'rolled-back',
          email: 'r@example.com',
          name: 'r',
        });
        throw new Error('abort');
      })
      .catch(() => undefined);
    outbox.nudge();
    await eventually(async () =>
      (await Promise.all(ids.map(seenCount))).every((count) => count === 1),
    );
    expect(await Promise.all(ids.map(seenCount))).toEqual(ids.map(() => 1));
    expect(await seenCount('rolled-back')).toBe(0);
    // By default a consumer handles one message at a time, in order.
    expect(running.seenMost).toBe(1);
  });

  it('appends many events in one statement, published in the order given', async () => {
    const database = app.get<Database>(DATABASE);
    const outbox = app.get(Outbox);
    const ids = Array.from({ length: 30 }, (_, index) => `many-${29 - index}`);
    await database.$transaction((transaction) =>
      outbox.appendMany<identity.UserCreated>(
        transaction,
        identity.UserCreatedSchema,
        ids.map((userId) => ({ userId, email: `${userId}@example.com`, name: userId })),
      ),
    );
    outbox.nudge();
    await eventually(async () =>
      (await Promise.all(ids.map(seenCount))).every((count) => count === 1),
    );
    const { rows } = await pool.query<{ user_id: string }>(
      `SELECT s.user_id FROM demo.seen s JOIN demo.outbox o ON o.id::text = s.message_id
       WHERE s.user_id LIKE 'many-%' ORDER BY o.created_at, o.id`,
    );
    expect(rows.map((row) => row.user_id)).toEqual(ids);
  });

  it('tells the handler the message id, the outbox row id the event was published with', async () => {
    const database = app.get<Database>(DATABASE);
    const outbox = app.get(Outbox);
    const messageId = await database.$transaction((transaction) =>
      outbox.append(transaction, identity.UserCreatedSchema, { userId: 'identified' }),
    );
    outbox.nudge();
    await eventually(async () => (await seenCount('identified')) === 1);
    const { rows } = await pool.query<{ message_id: string }>(
      "SELECT message_id FROM demo.seen WHERE user_id = 'identified'",
    );
    expect(rows).toEqual([{ message_id: messageId }]);
  });

  it('offers a message again no sooner than a handler asked', async () => {
    const js = jetstream(app.get<NatsConnection>(NATS_CONNECTION));
    await js.publish(
      'identity.user.deactivated.v1',
      toBinary(
        identity.UserDeactivatedSchema,
        create(identity.UserDeactivatedSchema, { userId: 'later' }),
      ),
      { msgID: 'later-1' },
    );
    await eventually(() => Promise.resolve(laterCalls.length === 2));
    expect(laterCalls[1] - laterCalls[0]).toBeGreaterThanOrEqual(1_400);
  });

  it('handles up to `concurrency` messages at once when a subscription allows it', async () => {
    const js = jetstream(app.get<NatsConnection>(NATS_CONNECTION));
    for (let index = 0; index < 12; index += 1) {
      await js.publish(
        'identity.user.updated.v1',
        toBinary(
          identity.UserUpdatedSchema,
          create(identity.UserUpdatedSchema, { userId: `u${index}` }),
        ),
        { msgID: `update-${index}` },
      );
    }
    await eventually(() => Promise.resolve(running.updatesDone === 12));
    expect(running.updatesMost).toBeGreaterThan(1);
    expect(running.updatesMost).toBeLessThanOrEqual(4);
  });

  it('runs work a handler left for after its commit only once it committed', async () => {
    const js = jetstream(app.get<NatsConnection>(NATS_CONNECTION));
    await js.publish(
      'identity.user.reactivated.v1',
      toBinary(
        identity.UserReactivatedSchema,
        create(identity.UserReactivatedSchema, { userId: 'after-commit' }),
      ),
      { msgID: 'after-commit-1' },
    );
    await eventually(() => Promise.resolve(afterCommitRuns.length === 1));
    // The first attempt threw, so its transaction rolled back and its work never ran.
    expect(committedAttempts).toBe(2);
    expect(afterCommitRuns).toEqual([{ attempt: 2, rowsSeen: 1 }]);
  });

  it('skips a message whose id it has already handled', async () => {
    await pool.query(
      "INSERT INTO demo.processed_messages (consumer, message_id) VALUES ('demo-seen', 'already-done')",
    );
    const js = jetstream(app.get<NatsConnection>(NATS_CONNECTION));
    const event = toBinary(
      identity.UserCreatedSchema,
      create(identity.UserCreatedSchema, {
        userId: 'duplicate',
        email: 'd@example.com',
        name: 'd',
      }),
    );
    await js.publish('identity.user.created.v1', event, {
      msgID: 'already-done',
      headers: headers(),
    });
    await js.publish(
      'identity.user.created.v1',
      toBinary(
        identity.UserCreatedSchema,
        create(identity.UserCreatedSchema, { userId: 'marker' }),
      ),
      { msgID: 'marker-1' },
    );
    await eventually(async () => (await seenCount('marker')) === 1);
    expect(await seenCount('marker')).toBe(1);
    expect(await seenCount('duplicate')).toBe(0);
  });
});
