import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { toJsonString } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { accounts, common, identity, invitations, notifications } from '@onramp/contracts';
import { eventually, WebhookReceiver, type ReceivedRequest } from '@onramp/testing';
import { EmailMetrics } from '../metrics/email-metrics';
import { NotificationsApp } from '../testing/notifications-app';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const methods = notifications.WebhooksService.method;

type Caller = MessageInitShape<typeof common.CallerSchema>;

const operator: Caller = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['webhooks.manage'] }],
};
const fleetAccountId = randomUUID();
const fleetAdmin: Caller = {
  userId: randomUUID(),
  grants: [{ accountIds: [fleetAccountId], permissions: ['webhooks.manage', 'accounts.read'] }],
};

let app: NotificationsApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'none',
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    // The receiver is plain HTTP on loopback.
    WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: '2',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
});

// Every test registers its own endpoints; none may receive another test's events.
afterEach(() => app.database.webhookEndpoint.deleteMany());

function register(
  path: string,
  eventTypes: string[],
  options: { caller?: Caller; accountId?: string } = {},
) {
  return app.call(methods.createWebhook, {
    caller: options.caller ?? operator,
    accountId: options.accountId,
    url: receiver.url(path),
    eventTypes,
    description: `receives ${eventTypes.join(', ')}`,
  });
}

function failure(promise: Promise<unknown>): Promise<{ code: string; violations: unknown[] }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; violations: unknown[] },
  );
}

function userCreated(overrides: Partial<{ userId: string; email: string }> = {}) {
  return {
    userId: overrides.userId ?? randomUUID(),
    email: overrides.email ?? `driver-${randomUUID()}@fleet.example`,
    name: 'Ann de Vries',
    language: 'nl',
    status: 'invited',
    occurredAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
  };
}

async function settledDeliveries(webhookId: string, count: number) {
  const list = () =>
    app.database.webhookDelivery.findMany({
      where: { endpointId: webhookId },
      orderBy: { createdAt: 'asc' },
    });
  await eventually(`${count} settled deliveries`, async () => {
    const rows = await list();
    return rows.length === count && rows.every((row) => row.status !== 'pending');
  });
  return list();
}

/** Checks the signature as a partner would, with node:crypto and the secret shown at creation. */
function verifies(request: ReceivedRequest, secret: string): boolean {
  const header = String(request.headers['onramp-signature']);
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const expected = createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest();
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  const fresh = Math.abs(Date.now() / 1000 - timestamp) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

it('delivers an event signed with the secret shown once at creation, which is never shown again', async () => {
  const { webhook, secret } = await register('/crm', ['user.created']);
  expect(secret).toMatch(/^whsec_[\w-]{43}$/);
  const event = userCreated();
  const messageId = await app.publish(identity.UserCreatedSchema, event);

  await eventually('the delivery to arrive', () =>
    Promise.resolve(receiver.received('/crm').length === 1),
  );
  const [request] = receiver.received('/crm');
  expect(verifies(request, secret)).toBe(true);
  expect(verifies(request, `${secret}x`)).toBe(false);
  expect(request.headers).toMatchObject({
    'content-type': 'application/json',
    'onramp-event-id': messageId,
    'onramp-event-type': 'user.created',
  });
  expect(JSON.parse(request.body)).toEqual({
    id: messageId,
    type: 'user.created',
    occurredAt: '2026-11-23T10:00:00.000Z',
    data: {
      userId: event.userId,
      email: event.email,
      name: 'Ann de Vries',
      language: 'nl',
      status: 'invited',
    },
  });

  const [delivery] = await settledDeliveries(webhook!.id, 1);
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200 });
  const read = await app.call(methods.getWebhook, { caller: operator, webhookId: webhook!.id });
  const listed = await app.call(methods.listWebhooks, { caller: operator });
  const log = await app.call(methods.listWebhookDeliveries, {
    caller: operator,
    webhookId: webhook!.id,
  });
  for (const text of [
    toJsonString(notifications.GetWebhookResponseSchema, read),
    toJsonString(notifications.ListWebhooksResponseSchema, listed),
    toJsonString(notifications.ListWebhookDeliveriesResponseSchema, log),
    JSON.stringify(await app.database.webhookEndpoint.findMany()),
  ])
    expect(text).not.toContain(secret.slice('whsec_'.length));
  expect(log.deliveries).toMatchObject([
    { eventId: messageId, eventType: 'user.created', status: 'delivered', responseStatus: 200 },
  ]);
});

it('retries a receiver answering 500 twice, and delivers on the third attempt', async () => {
  receiver.answer('/flaky', 500, 500, 200);
  const { webhook, secret } = await register('/flaky', ['user.created']);
  const messageId = await app.publish(identity.UserCreatedSchema, userCreated());

  const [delivery] = await settledDeliveries(webhook!.id, 1);
  expect(delivery).toMatchObject({
    status: 'delivered',
    attempts: 3,
    responseStatus: 200,
    lastError: null,
  });
  const requests = receiver.received('/flaky');
  expect(requests).toHaveLength(3);
  // The same event, byte for byte, each attempt signed afresh.
  expect(new Set(requests.map((request) => request.body)).size).toBe(1);
  expect(requests.every((request) => request.headers['onramp-event-id'] === messageId)).toBe(true);
  expect(requests.every((request) => verifies(request, secret))).toBe(true);
  const read = await app.call(methods.getWebhook, { caller: operator, webhookId: webhook!.id });
  expect(read.webhook).toMatchObject({ status: 'enabled', consecutiveFailures: 0 });
  expect(read.webhook?.failingSince).toBeUndefined();
});

it('fails a delivery after the last attempt, disables the endpoint after the threshold, and enables it again', async () => {
  receiver.answer('/down', 500);
  const { webhook } = await register('/down', ['user.deactivated']);
  const id = webhook!.id;
  const deactivated = () =>
    app.publish(identity.UserDeactivatedSchema, {
      userId: randomUUID(),
      byUserId: operator.userId,
      occurredAt: timestampFromDate(new Date()),
    });

  await deactivated();
  const [first] = await settledDeliveries(id, 1);
  expect(first).toMatchObject({ status: 'failed', attempts: 3, responseStatus: 500 });
  expect(first.lastError).toBe('gave up after 3 attempts: answered HTTP 500');
  // The endpoint counts a failed delivery just after the delivery is marked failed.
  const endpoint = async () =>
    (await app.call(methods.getWebhook, { caller: operator, webhookId: id })).webhook;
  await eventually(
    'the failure to be counted',
    async () => (await endpoint())?.consecutiveFailures === 1,
  );
  expect(await endpoint()).toMatchObject({ status: 'enabled', consecutiveFailures: 1 });

  await deactivated();
  await settledDeliveries(id, 2);
  await eventually(
    'the endpoint to be disabled',
    async () => (await endpoint())?.status === 'disabled',
  );
  const disabled = await endpoint();
  expect(disabled).toMatchObject({
    status: 'disabled',
    disabledReason: '2 deliveries in a row failed',
    consecutiveFailures: 2,
  });
  expect(disabled?.disabledAt).toBeDefined();
  expect(receiver.received('/down')).toHaveLength(6);

  // While disabled, events are not recorded for it, let alone sent.
  const whileDisabled = await deactivated();
  await eventually('the event to be handled', () =>
    app.handled('webhooks-identity-user-deactivated-v1', whileDisabled),
  );
  expect(await app.database.webhookDelivery.count({ where: { endpointId: id } })).toBe(2);

  receiver.answer('/down', 200);
  const enabled = (await app.call(methods.enableWebhook, { caller: operator, webhookId: id }))
    .webhook;
  expect(enabled).toMatchObject({ status: 'enabled', disabledReason: '', consecutiveFailures: 0 });
  const afterwards = await deactivated();
  const deliveries = await settledDeliveries(id, 3);
  expect(deliveries.find((delivery) => delivery.eventId === afterwards)).toMatchObject({
    status: 'delivered',
  });
  expect(deliveries.some((delivery) => delivery.eventId === whileDisabled)).toBe(false);
});

it('sends an account endpoint the events of its account and sub-accounts only; the platform endpoint gets all', async () => {
  const platform = await register('/platform', ['account.created', 'user.created']);
  const fleet = await register('/fleet', ['account.created', 'user.created'], {
    caller: fleetAdmin,
    accountId: fleetAccountId,
  });
  const account = (id: string, ancestorIds: string[]) => ({
    account: { id, name: `Account ${id}`, type: 'consumer', status: 'active', ancestorIds },
    byUserId: operator.userId,
    occurredAt: timestampFromDate(new Date()),
  });
  const subAccount = await app.publish(
    accounts.AccountCreatedSchema,
    account(randomUUID(), [fleetAccountId]),
  );
  const elsewhere = await app.publish(accounts.AccountCreatedSchema, account(randomUUID(), []));
  // A user event names no account: only the platform hears of it.
  const user = await app.publish(identity.UserCreatedSchema, userCreated());

  const platformIds = (await settledDeliveries(platform.webhook!.id, 3)).map((row) => row.eventId);
  expect(platformIds.sort()).toEqual([subAccount, elsewhere, user].sort());
  const fleetDeliveries = await settledDeliveries(fleet.webhook!.id, 1);
  expect(fleetDeliveries.map((row) => row.eventId)).toEqual([subAccount]);
  expect(JSON.parse(receiver.received('/fleet')[0].body)).toMatchObject({
    type: 'account.created',
    data: { ancestorIds: [fleetAccountId] },
  });
});

it('sends each account of an import as an account.created of its own, with an id of its own', async () => {
  const { webhook } = await register('/imported', ['account.created'], {
    caller: fleetAdmin,
    accountId: fleetAccountId,
  });
  const [first, second] = [randomUUID(), randomUUID()];
  const messageId = await app.publish(accounts.AccountsImportedSchema, {
    accounts: [first, second].map((id) => ({
      account: { id, name: `Imported ${id}`, type: 'consumer', ancestorIds: [fleetAccountId] },
      byUserId: operator.userId,
      occurredAt: timestampFromDate(new Date()),
    })),
  });
  const deliveries = await settledDeliveries(webhook!.id, 2);
  expect(deliveries.map((row) => row.eventId).sort()).toEqual([`${messageId}.0`, `${messageId}.1`]);
  const bodies = receiver
    .received('/imported')
    .map((request) => JSON.parse(request.body) as { id: string; data: { accountId: string } });
  expect(bodies.map(({ id, data }) => [id, data.accountId]).sort()).toEqual(
    [
      [`${messageId}.0`, first],
      [`${messageId}.1`, second],
    ].sort(),
  );
});

it('never forwards an invitation’s token', async () => {
  const { webhook } = await register('/invitations', ['invitation.created']);
  const token = `inv-token-${randomUUID()}`;
  const invitationId = randomUUID();
  await app.publish(invitations.InvitationIssuedSchema, {
    invitation: {
      id: invitationId,
      kind: 'account_owner',
      email: 'owner@fleet.example',
      status: 'pending',
      accountIds: [fleetAccountId],
    },
    token,
    resend: false,
    occurredAt: timestampFromDate(new Date()),
  });
  await settledDeliveries(webhook!.id, 1);
  const [request] = receiver.received('/invitations');
  expect(request.body).not.toContain(token);
  expect(JSON.parse(request.body)).toMatchObject({
    type: 'invitation.created',
    data: { invitationId, kind: 'account_owner', sentByEmail: true },
  });
  expect(JSON.stringify(await app.database.webhookEvent.findMany())).not.toContain(token);
});

it('records one delivery per endpoint and event, however often the event is taken', async () => {
  const { webhook } = await register('/once', ['user.created']);
  const record = () =>
    app.database.$transaction((transaction) =>
      app
        .get(WebhookDeliveriesRepository)
        .record(transaction, { id: 'event-taken-twice', type: 'user.created', body: '{}' }, [
          webhook!.id,
        ]),
    );
  await record();
  await record();
  expect(await app.database.webhookDelivery.count({ where: { endpointId: webhook!.id } })).toBe(1);
});

it('counts deliveries sent, retried and failed, and endpoints disabled, on /metrics', async () => {
  const text = await app.get(EmailMetrics).registry.metrics();
  for (const series of [
    'onramp_webhook_deliveries_sent_total{type="user.created"}',
    'onramp_webhook_deliveries_retried_total{type="user.created"}',
    'onramp_webhook_deliveries_failed_total{type="user.deactivated"}',
    'onramp_webhook_endpoints_disabled_total{rule="failed_deliveries"} 1',
    'onramp_webhook_deliveries_pending{state="due"} 0',
    'onramp_webhook_deliveries_pending{state="scheduled"} 0',
  ])
    expect(text).toContain(series);
});

describe('managing endpoints', () => {
  it('lets an account admin manage their account’s endpoints only, and the platform’s none', async () => {
    const own = await register('/own', ['user.created'], {
      caller: fleetAdmin,
      accountId: fleetAccountId,
    });
    const platform = await register('/platform-only', ['user.created']);

    const listed = await app.call(methods.listWebhooks, { caller: fleetAdmin });
    expect(listed.webhooks.map((webhook) => webhook.id)).toEqual([own.webhook!.id]);
    expect(
      await failure(
        app.call(methods.getWebhook, { caller: fleetAdmin, webhookId: platform.webhook!.id }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await failure(
        app.call(methods.deleteWebhook, { caller: fleetAdmin, webhookId: platform.webhook!.id }),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(await failure(register('/x', ['user.created'], { caller: fleetAdmin }))).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await failure(
        register('/x', ['user.created'], { caller: fleetAdmin, accountId: randomUUID() }),
      ),
    ).toMatchObject({ code: 'forbidden' });

    await app.call(methods.deleteWebhook, { caller: fleetAdmin, webhookId: own.webhook!.id });
    expect(
      await failure(app.call(methods.getWebhook, { caller: operator, webhookId: own.webhook!.id })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('refuses unknown event types, a long description and a missing caller, storing nothing', async () => {
    const refused = await failure(register('/bad', ['user.created', 'user.exploded']));
    expect(refused).toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'eventTypes', message: 'unknown "user.exploded"' }],
    });
    expect(await failure(register('/bad', []))).toMatchObject({ code: 'validation_failed' });
    expect(
      await failure(
        app.call(methods.createWebhook, {
          caller: operator,
          url: receiver.url('/bad'),
          eventTypes: ['user.created'],
          description: 'x'.repeat(501),
        }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      await failure(app.call(methods.createWebhook, { url: receiver.url('/bad') })),
    ).toMatchObject({ code: 'unauthenticated' });
    expect(await app.database.webhookEndpoint.count()).toBe(0);
  });

  it('accepts loopback, private, metadata and http destinations when the installation allows them', async () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://localhost/hook',
    ]) {
      const { webhook } = await app.call(methods.createWebhook, {
        caller: operator,
        url,
        eventTypes: ['email.bounced'],
      });
      expect(webhook?.url).toBe(url);
    }
  });

  it('lists the event catalogue to whoever may manage webhooks', async () => {
    const { eventTypes } = await app.call(methods.listWebhookEventTypes, { caller: fleetAdmin });
    expect(eventTypes.map((type) => type.name)).toEqual(
      expect.arrayContaining(['user.created', 'invitation.accepted', 'email.bounced']),
    );
    expect(
      await failure(
        app.call(methods.listWebhookEventTypes, {
          caller: {
            userId: randomUUID(),
            grants: [{ platform: true, permissions: ['users.read'] }],
          },
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });
});

it('never sends one delivery twice when two replicas share the work', async () => {
  await app.replica();
  const { webhook } = await register('/shared', ['user.reactivated']);
  const events = 20;
  const published = new Set<string>();
  for (let index = 0; index < events; index += 1)
    published.add(
      await app.publish(identity.UserReactivatedSchema, {
        userId: randomUUID(),
        byUserId: operator.userId,
        occurredAt: timestampFromDate(new Date()),
      }),
    );

  const deliveries = await settledDeliveries(webhook!.id, events);
  expect(deliveries.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
  const received = receiver
    .received('/shared')
    .map((request) => request.headers['onramp-event-id']);
  expect(received).toHaveLength(events);
  expect(new Set(received)).toEqual(published);
});
