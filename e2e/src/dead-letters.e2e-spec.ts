import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { jetstream } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { identity } from '@onramp/contracts';
import { eventually, Stack } from './stack';

const CONSUMER = 'identity-password-reset';

interface ListedDeadLetter {
  id: string;
  consumer: string;
  subject: string;
  messageId: string;
  correlationId: string | null;
  attempts: number;
  lastError: string;
  parkedAt: string | null;
  replayedAt: string | null;
}

describe('a poison event is retried a bounded number of times, then parked for an operator', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start([]);
    await stack.migrate('identity');
    await stack.startService('identity', { EVENT_MAX_ATTEMPTS: '3', EVENT_RETRY_BASE_MS: '200' });
  }, 180_000);
  afterAll(() => stack?.stop());

  const listed = async (): Promise<ListedDeadLetter[]> =>
    (await stack.deadLetters('identity', ['list', '--consumer', CONSUMER]))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ListedDeadLetter);
  const parkedGauge = async (): Promise<string | undefined> =>
    (await (await fetch(`${stack.processUrl('identity')}/metrics`)).text())
      .split('\n')
      .find((line) => line.startsWith(`onramp_dead_letters{consumer="${CONSUMER}"} `));

  it('parks a password-reset request that can never be applied, lists it, and replays it', async () => {
    // An email Postgres cannot store (a NUL) makes identity's handler fail every time.
    const connection = await connect({ servers: stack.infrastructure.natsUrl });
    const correlation = headers();
    correlation.set('x-correlation-id', 'poison-e2e');
    await jetstream(connection).publish(
      'identity.password-reset.requested.v1',
      toBinary(
        identity.PasswordResetRequestedSchema,
        create(identity.PasswordResetRequestedSchema, {
          email: 'nul\u0000@example.com',
          ip: '127.0.0.1',
          occurredAt: timestampFromDate(new Date()),
        }),
      ),
      { msgID: 'poison-reset-1', headers: correlation },
    );
    await connection.close();

    await eventually('the poison event to be parked', async () =>
      (await listed()).some((row) => row.parkedAt !== null),
    );
    const [parked] = await listed();
    expect(parked).toEqual({
      id: expect.any(String),
      consumer: CONSUMER,
      subject: 'identity.password-reset.requested.v1',
      messageId: 'poison-reset-1',
      correlationId: 'poison-e2e',
      attempts: 3,
      lastError: expect.stringContaining('0x00'),
      firstFailedAt: expect.any(String),
      lastFailedAt: expect.any(String),
      parkedAt: expect.any(String),
      replayedAt: null,
    });
    // The cause only: neither the address nor anything else the event carried.
    expect(parked.lastError).not.toContain('example.com');
    expect(await parkedGauge()).toBe(`onramp_dead_letters{consumer="${CONSUMER}"} 1`);
    expect(stack.process('identity').output().join('\n')).toMatch(
      new RegExp(
        `"level":50.*${CONSUMER}: message poison-reset-1 .* parked as a dead letter after 3 attempt`,
      ),
    );

    // Nothing more is attempted once it is parked: identity stays idle.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await listed())[0].attempts).toBe(3);

    // Replayed with its cause still there, it is attempted again and parked again.
    expect(await stack.deadLetters('identity', ['replay', parked.id])).toBe(
      `replayed ${parked.id} (${CONSUMER}, identity.password-reset.requested.v1)\n`,
    );
    await eventually('the replayed event to be parked again', async () => {
      const [row] = await listed();
      return row.replayedAt !== null && row.parkedAt !== null && row.attempts === 3;
    });
    expect(await listed()).toHaveLength(1);
  }, 120_000);
});
