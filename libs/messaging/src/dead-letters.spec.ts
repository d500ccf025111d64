import type { TestingModule } from '@nestjs/testing';
import { create, toBinary } from '@bufbuild/protobuf';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { identity } from '@onramp/contracts';
import type { Database, SqlClient } from '@onramp/persistence';
import {
  createDatabase,
  eventually,
  pgDatabase,
  provideInfrastructure,
  type Infrastructure,
} from '@onramp/testing';
import { parseDeadLettersCommand } from './dead-letters-command';
import { DeadLetterStore } from './dead-letter-store';
import { EventConsumers } from './event-consumers';
import { NATS_CONNECTION } from './nats-connection';
import { replayDeadLetters } from './replay';
import { RetryLater } from './retry-later';
import { messagingTables, messagingTestApp } from './testing/messaging-test-app';

const SCHEMA_SQL = `
  ${messagingTables('dl')}
  CREATE TABLE dl.applied (consumer text NOT NULL, user_id text NOT NULL, message_id text NOT NULL);`;

const MAX_ATTEMPTS = 3;

describe('dead letters: bounded retries of failing events, parked for an operator', () => {
  let infrastructure: Infrastructure;
  let pool: Pool;
  let database: Database;
  const instances: TestingModule[] = [];
  /** User ids whose events the `poisoned` consumer fails on, until the cause is fixed. */
  const broken = new Set<string>();
  /** Every call of each handler, by user id. */
  const calls = new Map<string, number>();
  /** How long the `waiting` consumer asks to wait, per user id (absent: it applies the event). */
  const waits = new Map<string, number>();
  /** For how many calls the `poisoned` consumer finds the database unavailable, per user id. */
  const databaseDownFor = new Map<string, number>();

  const called = (key: string) => calls.get(key) ?? 0;
  const count = (key: string) => calls.set(key, called(key) + 1);

  async function startInstance(): Promise<TestingModule> {
    const app = await messagingTestApp(database, infrastructure.natsUrl, 'dl', {
      maxAttempts: MAX_ATTEMPTS,
      baseDelayMs: 400,
      maxWaitMs: 8_000,
    });
    const consumers = app.get(EventConsumers);
    const apply = async (consumer: string, transaction: SqlClient, userId: string, id: string) => {
      await transaction.$executeRawUnsafe(
        'INSERT INTO dl.applied (consumer, user_id, message_id) VALUES ($1, $2, $3)',
        consumer,
        userId,
        id,
      );
    };
    consumers.subscribe<identity.UserCreated, SqlClient>({
      name: 'poisoned',
      schema: identity.UserCreatedSchema,
      handler: async (event, transaction, { messageId }) => {
        count(`poisoned:${event.userId}`);
        if (called(`poisoned:${event.userId}`) <= (databaseDownFor.get(event.userId) ?? 0))
          // What node-postgres throws when the server went away mid-query.
          throw new Error('Connection terminated unexpectedly');
        await apply('poisoned', transaction, event.userId, messageId);
        if (broken.has(event.userId))
          throw new Error(`line one: secret call\ncannot apply ${event.userId}`);
      },
    });
    consumers.subscribe<identity.UserCreated, SqlClient>({
      name: 'bystander',
      schema: identity.UserCreatedSchema,
      handler: async (event, transaction, { messageId }) => {
        count(`bystander:${event.userId}`);
        await apply('bystander', transaction, event.userId, messageId);
      },
    });
    consumers.subscribe<identity.UserUpdated, SqlClient>({
      name: 'waiting',
      schema: identity.UserUpdatedSchema,
      handler: async (event, transaction, { messageId }) => {
        count(`waiting:${event.userId}`);
        const wait = waits.get(event.userId);
        if (wait !== undefined && called(`waiting:${event.userId}`) <= wait)
          throw new RetryLater('not yet', 1_000);
        await apply('waiting', transaction, event.userId, messageId);
      },
    });
    await app.init();
    instances.push(app);
    return app;
  }

  beforeAll(async () => {
    infrastructure = await provideInfrastructure();
    pool = new Pool({ connectionString: await createDatabase(infrastructure.postgresUrl) });
    pool.on('error', () => undefined);
    await pool.query(SCHEMA_SQL);
    database = pgDatabase(pool);
    await startInstance();
  }, 120_000);

  afterAll(async () => {
    for (const app of instances) await app.close();
    await pool?.end();
    await infrastructure?.stop();
  });

  const current = () => instances.at(-1)!;
  const js = () => jetstream(current().get<NatsConnection>(NATS_CONNECTION));
  const publish = (subject: string, payload: Uint8Array, msgID: string) =>
    js().publish(subject, payload, { msgID });
  const userCreated = (userId: string) =>
    toBinary(identity.UserCreatedSchema, create(identity.UserCreatedSchema, { userId }));
  const userUpdated = (userId: string) =>
    toBinary(identity.UserUpdatedSchema, create(identity.UserUpdatedSchema, { userId }));
  const deadLetters = (consumer: string) => new DeadLetterStore(database, 'dl').list(consumer);
  const applied = async (consumer: string, userId: string) =>
    (
      await pool.query<{ message_id: string }>(
        'SELECT message_id FROM dl.applied WHERE consumer = $1 AND user_id = $2',
        [consumer, userId],
      )
    ).rows.map((row) => row.message_id);
  const metric = async (series: string) => {
    const text = await current().get(Registry).metrics();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('parks a message that keeps failing once, after its attempts, and goes on with the next', async () => {
    broken.add('poison');
    await publish('identity.user.created.v1', userCreated('poison'), 'poison-1');
    await publish('identity.user.created.v1', userCreated('healthy'), 'healthy-1');

    // The next message is not held up behind the failing one's backoff.
    await eventually(
      'the next message to be handled',
      async () => (await applied('poisoned', 'healthy')).length === 1,
    );
    expect(await deadLetters('dl-poisoned')).toEqual([
      expect.objectContaining({ messageId: 'poison-1', parkedAt: null }),
    ]);

    await eventually(
      'the poison message to be parked',
      async () => (await deadLetters('dl-poisoned'))[0]?.parkedAt instanceof Date,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(called('poisoned:poison')).toBe(MAX_ATTEMPTS);
    expect(await deadLetters('dl-poisoned')).toEqual([
      {
        id: expect.any(String),
        consumer: 'dl-poisoned',
        subject: 'identity.user.created.v1',
        messageId: 'poison-1',
        correlationId: null,
        attempts: MAX_ATTEMPTS,
        // Only the cause: the lines above it may name what the failing call was given.
        lastError: 'cannot apply poison',
        firstFailedAt: expect.any(Date),
        lastFailedAt: expect.any(Date),
        parkedAt: expect.any(Date),
        replayedAt: null,
      },
    ]);
    expect(await applied('poisoned', 'poison')).toEqual([]);
    expect(await applied('bystander', 'poison')).toEqual(['poison-1']);
    expect(await metric('onramp_dead_letters{consumer="dl-poisoned"}')).toBe(1);
    expect(await metric('onramp_dead_letters_parked_total{consumer="dl-poisoned"}')).toBe(1);
  });

  it('replays a parked message to its consumer alone, under its first id, once', async () => {
    broken.delete('poison');
    const [deadLetter] = await deadLetters('dl-poisoned');

    const replayed = await replayDeadLetters(database, js(), 'dl', { id: deadLetter.id });
    expect(replayed.map((message) => message.id)).toEqual([deadLetter.id]);
    // Nothing is parked any more: a second replay finds nothing.
    expect(await replayDeadLetters(database, js(), 'dl', { id: deadLetter.id })).toEqual([]);

    await eventually(
      'the replayed message to be handled',
      async () => (await applied('poisoned', 'poison')).length === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await applied('poisoned', 'poison')).toEqual(['poison-1']);
    // The other consumer of the subject handled it the first time and skips the replay.
    expect(await applied('bystander', 'poison')).toEqual(['poison-1']);
    expect(called('bystander:poison')).toBe(1);
    expect(await deadLetters('dl-poisoned')).toEqual([
      expect.objectContaining({ id: deadLetter.id, parkedAt: null, replayedAt: expect.any(Date) }),
    ]);
    expect(await metric('onramp_dead_letters{consumer="dl-poisoned"}')).toBeUndefined();
  });

  it('parks a message that cannot be decoded, with its bytes as they came', async () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    await publish('identity.user.updated.v1', garbage, 'garbage-1');

    await eventually(
      'the undecodable message to be parked',
      async () => (await deadLetters('dl-waiting'))[0]?.parkedAt instanceof Date,
    );
    expect(await deadLetters('dl-waiting')).toEqual([
      expect.objectContaining({
        messageId: 'garbage-1',
        attempts: 1,
        lastError: 'the message cannot be decoded',
      }),
    ]);
    const { rows } = await pool.query<{ payload: Buffer }>(
      "SELECT payload FROM dl.dead_letters WHERE message_id = 'garbage-1'",
    );
    expect(new Uint8Array(rows[0].payload)).toEqual(garbage);
    await pool.query("DELETE FROM dl.dead_letters WHERE message_id = 'garbage-1'");
  });

  it('does not count the waits a handler asks for as failures, yet parks a message that waits too long', async () => {
    // More waits than failed attempts are allowed: still handled.
    waits.set('patient', MAX_ATTEMPTS + 1);
    await publish('identity.user.updated.v1', userUpdated('patient'), 'patient-1');
    // Waits for ever: parked once the message is older than maxWaitMs.
    waits.set('forever', Infinity);
    await publish('identity.user.updated.v1', userUpdated('forever'), 'forever-1');

    await eventually(
      'the patient message to be handled after its waits',
      async () => (await applied('waiting', 'patient')).length === 1,
      30_000,
    );
    expect(called('waiting:patient')).toBe(MAX_ATTEMPTS + 2);
    await eventually(
      'the message that waits for ever to be parked',
      async () => (await deadLetters('dl-waiting'))[0]?.parkedAt instanceof Date,
      30_000,
    );
    expect(await deadLetters('dl-waiting')).toEqual([
      expect.objectContaining({
        messageId: 'forever-1',
        lastError: expect.stringMatching(/^still waiting \d+ s after publication: not yet$/),
      }),
    ]);
  }, 60_000);

  it('retries a message while the database is unavailable without counting a failed attempt', async () => {
    databaseDownFor.set('outage', MAX_ATTEMPTS + 1);
    await publish('identity.user.created.v1', userCreated('outage'), 'outage-1');

    await eventually(
      'the message to be handled once the database is back',
      async () => (await applied('poisoned', 'outage')).length === 1,
      30_000,
    );
    expect(called('poisoned:outage')).toBe(MAX_ATTEMPTS + 2);
    expect(await applied('poisoned', 'outage')).toEqual(['outage-1']);
    expect(
      (await deadLetters('dl-poisoned')).filter((row) => row.messageId === 'outage-1'),
    ).toEqual([]);
  }, 60_000);

  it('keeps counting attempts across a restart', async () => {
    broken.add('restart');
    await publish('identity.user.created.v1', userCreated('restart'), 'restart-1');
    await eventually('two failed attempts', async () =>
      (await deadLetters('dl-poisoned')).some(
        (row) => row.messageId === 'restart-1' && row.attempts === 2,
      ),
    );
    await instances.pop()!.close();
    await startInstance();

    await eventually(
      'the message to be parked by the new instance',
      async () =>
        (await deadLetters('dl-poisoned')).some(
          (row) => row.messageId === 'restart-1' && row.parkedAt !== null,
        ),
      40_000,
    );
    expect(called('poisoned:restart')).toBe(MAX_ATTEMPTS);
    expect(await metric('onramp_dead_letters{consumer="dl-poisoned"}')).toBe(1);
  }, 60_000);

  it('reads the operator command', () => {
    expect(parseDeadLettersCommand(['list'])).toEqual({ action: 'list' });
    expect(parseDeadLettersCommand(['list', '--consumer', 'identity-password-reset'])).toEqual({
      action: 'list',
      consumer: 'identity-password-reset',
    });
    expect(parseDeadLettersCommand(['replay', 'a1'])).toEqual({
      action: 'replay',
      which: { id: 'a1' },
    });
    expect(parseDeadLettersCommand(['replay', '--consumer', 'x'])).toEqual({
      action: 'replay',
      which: { consumer: 'x' },
    });
    expect(parseDeadLettersCommand(['replay'])).toBeUndefined();
    expect(parseDeadLettersCommand(['replay', '--consumer'])).toBeUndefined();
    expect(parseDeadLettersCommand(['drop', 'a1'])).toBeUndefined();
  });
});
