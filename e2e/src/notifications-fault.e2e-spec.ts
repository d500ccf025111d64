import { recipientsOf } from '@onramp/testing';
import { Api } from './api';
import { eventually, Stack } from './stack';

const USERS = 40;
const KILL_REPLICA_AT = 10;
const RESTART_NATS_AT = 20;
const RESTART_REPLICA_AT = 30;

describe('two notifications replicas: one killed mid-stream, NATS restarted, each email sent once', () => {
  let stack: Stack;
  let anonymous: Api;
  const emails = Array.from({ length: USERS }, (_, index) => `driver${index}@fleet.test`);

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'notifications', 'gateway']);
    await stack.startService('notifications', {}, 1);
    anonymous = Api.of(stack);
    const { api: admin } = await anonymous.loginAsAdmin();
    for (const email of emails) {
      const created = await admin.post('/v1/users', {
        email,
        name: email.split('@')[0],
        password: 'Plug-and-Charge-42!',
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);
  afterAll(() => stack?.stop());

  it('delivers every reset email exactly once', async () => {
    for (const [index, email] of emails.entries()) {
      if (index === KILL_REPLICA_AT) await stack.process('notifications').stop('SIGKILL');
      if (index === RESTART_NATS_AT) {
        await stack.infrastructure.restartNats!();
        await eventually(
          'the gateway to reconnect',
          async () => (await fetch(`${stack.gatewayUrl}/health/ready`)).ok,
        );
      }
      if (index === RESTART_REPLICA_AT) await stack.startService('notifications');
      const response = await anonymous.post('/v1/auth/password-reset', { email });
      expect(response.status).toBe(202);
    }

    const received = () => new Set(stack.mailbox.messages.flatMap(recipientsOf));
    await eventually(
      `${USERS} reset emails`,
      () => Promise.resolve(emails.every((email) => received().has(email))),
      150_000,
    );
    // A duplicate would come from a redelivery, which runs within seconds: give it the chance.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const perRecipient = new Map<string, number>();
    for (const recipient of stack.mailbox.messages.flatMap(recipientsOf)) {
      perRecipient.set(recipient, (perRecipient.get(recipient) ?? 0) + 1);
    }
    expect(emails.filter((email) => perRecipient.get(email) !== 1)).toEqual([]);
    const statuses = await stack.query<{ status: string; count: string }>(
      'SELECT status::text, count(*) FROM notifications.deliveries GROUP BY status',
    );
    expect(statuses).toEqual([{ status: 'sent', count: String(USERS) }]);
  });
});
