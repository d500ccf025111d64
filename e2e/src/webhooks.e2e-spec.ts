import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookReceiver, type ReceivedRequest } from '@onramp/testing';
import { Api } from './api';
import { eventually, Stack } from './stack';

const password = 'Plug-and-Charge-42!';

interface Webhook {
  id: string;
  accountId: string | null;
  status: string;
}

/** What a partner's code does with the secret shown at registration: node:crypto only. */
function verifies(request: ReceivedRequest, secret: string): boolean {
  const parts = Object.fromEntries(
    String(request.headers['onramp-signature'])
      .split(',')
      .map((part) => part.split('=', 2)),
  ) as Record<string, string | undefined>;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) <= 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

describe('partner webhooks through the gateway', () => {
  let stack: Stack;
  let receiver: WebhookReceiver;
  let admin: Api;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    // The receiver is plain HTTP on loopback, which the installation refuses by default.
    await stack.migrate('notifications');
    await stack.startService('notifications', {
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
      WEBHOOK_RETRY_BASE_MS: '100',
    });
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('delivers signed account events to the platform endpoint and, for its subtree only, to an account’s', async () => {
    const fleet = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Fleet Partners',
      type: 'consumer',
    });
    expect(fleet.status).toBe(201);
    const fleetAdminCreated = await admin.post('/v1/users', {
      email: 'integrations@fleet.test',
      name: 'Ines Integrator',
      password,
      memberships: [{ accountIds: [fleet.body.id], roles: ['account_admin'] }],
    });
    expect(fleetAdminCreated.status).toBe(201);
    const fleetAdmin = (await Api.of(stack).login('integrations@fleet.test', password)).api;

    const platform = await admin.post<{ webhook: Webhook; secret: string }>('/v1/webhooks', {
      url: receiver.url('/platform'),
      eventTypes: ['account.created'],
      description: 'Operator data warehouse',
    });
    expect(platform.status).toBe(201);
    expect(platform.body.webhook).toMatchObject({ accountId: null, status: 'enabled' });
    const fleetHook = await fleetAdmin.post<{ webhook: Webhook; secret: string }>('/v1/webhooks', {
      url: receiver.url('/fleet'),
      eventTypes: ['account.created'],
      accountId: fleet.body.id,
    });
    expect(fleetHook.status).toBe(201);
    expect(
      (
        await fleetAdmin.post('/v1/webhooks', {
          url: receiver.url('/x'),
          eventTypes: ['user.created'],
        })
      ).status,
    ).toBe(403);

    const depot = await fleetAdmin.post<{ id: string }>('/v1/accounts', {
      name: 'Depot Noord',
      type: 'consumer',
      parentId: fleet.body.id,
      relation: 'employee',
    });
    expect(depot.status).toBe(201);
    const elsewhere = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Other Customer',
      type: 'consumer',
    });
    expect(elsewhere.status).toBe(201);

    const accountIdsAt = (path: string) =>
      receiver
        .received(path)
        .map(
          (request) => (JSON.parse(request.body) as { data: { accountId: string } }).data.accountId,
        );
    await eventually('the platform to hear of both accounts', () =>
      Promise.resolve(
        [depot.body.id, elsewhere.body.id].every((id) => accountIdsAt('/platform').includes(id)),
      ),
    );
    // Both events were taken by then, so the fleet's deliveries are all recorded: wait them out.
    const fleetLog = () =>
      fleetAdmin.get<{ items: { status: string; eventType: string }[] }>(
        `/v1/webhooks/${fleetHook.body.webhook.id}/deliveries`,
      );
    await eventually('the fleet’s deliveries to settle', async () => {
      const { items } = (await fleetLog()).body;
      return items.length > 0 && items.every((delivery) => delivery.status === 'delivered');
    });
    expect(accountIdsAt('/fleet')).toContain(depot.body.id);
    expect(accountIdsAt('/fleet')).not.toContain(elsewhere.body.id);
    expect(
      receiver.received('/fleet').every((request) => verifies(request, fleetHook.body.secret)),
    ).toBe(true);
    expect(
      receiver.received('/platform').every((request) => verifies(request, platform.body.secret)),
    ).toBe(true);
    const log = await fleetLog();

    // Listed, read and logged without the secret; the platform's endpoint is not the fleet's.
    const listed = await fleetAdmin.get<{ items: Webhook[] }>('/v1/webhooks');
    expect(listed.body.items.map((webhook) => webhook.id)).toEqual([fleetHook.body.webhook.id]);
    expect(JSON.stringify([listed.body, log.body])).not.toContain(fleetHook.body.secret);
    expect((await fleetAdmin.get(`/v1/webhooks/${platform.body.webhook.id}`)).status).toBe(404);
  });

  it('refuses a registration it cannot accept with a 400 problem, storing nothing', async () => {
    for (const body of [
      { url: receiver.url('/bad'), eventTypes: ['account.exploded'] },
      { url: 'ftp://files.partner.test/hook', eventTypes: ['account.created'] },
      { url: receiver.url('/bad'), eventTypes: [] },
    ]) {
      const response = await admin.post('/v1/webhooks', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const listed = await admin.get<{ items: { url: string }[] }>('/v1/webhooks');
    expect(listed.body.items.some((webhook) => webhook.url.includes('/bad'))).toBe(false);
  });
});
