import { Api } from './api';
import { eventually, Stack } from './stack';

const USERS = 120;
const KILL_AFTER = 40;
const RESTART_CONSUMER_AT = 60;
const RESTART_NATS_AT = 90;

describe('events survive a consumer killed mid-stream and a NATS restart', () => {
  let stack: Stack;
  let accessToken: string;
  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    accessToken = (await Api.of(stack).loginAsAdmin()).tokens.accessToken;
  }, 180_000);
  afterAll(() => stack?.stop());

  async function createUser(index: number): Promise<void> {
    const response = await fetch(`${stack.gatewayUrl}/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email: `driver${index}@example.com`, name: `Driver ${index}` }),
    });
    expect(response.status).toBe(201);
  }

  async function restartNatsAndWaitForGateway(): Promise<void> {
    await stack.infrastructure.restartNats!();
    await eventually(
      'the gateway to reconnect',
      async () => (await fetch(`${stack.gatewayUrl}/health/ready`)).ok,
    );
  }

  it('handles every user.created event exactly once', async () => {
    // The consumer dies with events in flight, comes back while more arrive, and then NATS itself
    // restarts under the running consumer and the outbox relay.
    for (let index = 0; index < USERS; index += 1) {
      if (index === KILL_AFTER) await stack.process('accounts').stop('SIGKILL');
      if (index === RESTART_CONSUMER_AT) await stack.startService('accounts');
      if (index === RESTART_NATS_AT) await restartNatsAndWaitForGateway();
      await createUser(index);
    }
    const restarted = stack.process('accounts');

    await eventually(
      `${USERS} users in the accounts directory`,
      async () => {
        const [{ count }] = await stack.query<{ count: string }>(
          "SELECT count(*) FROM accounts.user_directory WHERE email LIKE 'driver%@example.com'",
        );
        return Number(count) === USERS;
      },
      60_000,
    );

    const missing = await stack.query(
      'SELECT u.id FROM identity.users u LEFT JOIN accounts.user_directory d ON d.user_id = u.id WHERE d.user_id IS NULL',
    );
    expect(missing).toEqual([]);
    const processed = await stack.query<{ count: string }>(
      "SELECT count(*) FROM accounts.processed_messages WHERE consumer = 'accounts-user-directory'",
    );
    // The drivers' events and the bootstrap admin's.
    expect(Number(processed[0].count)).toBe(USERS + 1);
    // A second application of an event would have hit the directory's primary key and been logged.
    expect(restarted.output().filter((line) => line.includes('failed'))).toEqual([]);
  });
});
