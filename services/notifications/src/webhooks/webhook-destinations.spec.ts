import { randomBytes, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, notifications } from '@onramp/contracts';
import { eventually, WebhookReceiver } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';

const methods = notifications.WebhooksService.method;
const operator = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['webhooks.manage'] }],
};

let app: NotificationsApp;
let receiver: WebhookReceiver;

// The installation's defaults: https only, public destinations only.
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'none',
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    WEBHOOK_MAX_ATTEMPTS: '1',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
});

const register = (url: string) =>
  app.call(methods.createWebhook, { caller: operator, url, eventTypes: ['user.created'] });

it.each([
  ['http://127.0.0.1/hook', 'must be an https:// URL'],
  ['https://10.0.0.1/hook', '10.0.0.1 is a private address'],
  ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local address'],
  ['https://[::1]/hook', '::1 is a loopback address'],
  ['https://localhost/hook', 'localhost resolves to'],
  ['https://100.100.100.200/hook', 'carrier-grade NAT'],
  ['https://user:password@hooks.partner.example/hook', 'must not carry credentials'],
])('refuses to register %s, naming the URL, and stores nothing', async (url, reason) => {
  const refusal = await register(url).then(
    () => undefined,
    (error: unknown) => error as { code: string; detail: string; violations: unknown[] },
  );
  expect(refusal).toMatchObject({
    code: 'validation_failed',
    detail: `${url} may not receive webhooks`,
    violations: [{ field: 'url', message: expect.stringContaining(reason) as unknown }],
  });
  expect(await app.database.webhookEndpoint.count({ where: { url } })).toBe(0);
});

it('registers a public https destination', async () => {
  const { webhook } = await register('https://93.184.215.14/hooks/onramp');
  expect(webhook).toMatchObject({ url: 'https://93.184.215.14/hooks/onramp', status: 'enabled' });
  await app.database.webhookEndpoint.deleteMany();
});

it('checks the destination again when delivering: a host now resolving to loopback gets nothing', async () => {
  // Registered while public; what it points at changes afterwards (as a DNS record may).
  const { webhook: byName } = await register('https://93.184.215.14/by-name');
  const { webhook: byAddress } = await register('https://93.184.215.14/by-address');
  await app.database.webhookEndpoint.update({
    where: { id: byName!.id },
    data: { url: `https://localhost:${receiver.port}/by-name` },
  });
  await app.database.webhookEndpoint.update({
    where: { id: byAddress!.id },
    data: { url: `https://127.0.0.1:${receiver.port}/by-address` },
  });

  await app.publish(identity.UserCreatedSchema, {
    userId: randomUUID(),
    email: 'ann@fleet.example',
    name: 'Ann',
    occurredAt: timestampFromDate(new Date()),
  });
  const settled = () =>
    app.database.webhookDelivery.findMany({ where: { status: { not: 'pending' } } });
  await eventually('both deliveries to fail', async () => (await settled()).length === 2);

  const reasons = Object.fromEntries(
    (await settled()).map((delivery) => [delivery.endpointId, delivery.lastError]),
  );
  expect(reasons[byName!.id]).toMatch(
    /destination refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
  );
  expect(reasons[byAddress!.id]).toMatch(/destination refused: 127\.0\.0\.1 is a loopback address/);
  expect(receiver.connections).toBe(0);
});
