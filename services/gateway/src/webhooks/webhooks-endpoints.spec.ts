import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = notifications.WebhooksService.method;
const subjects = {
  create: 'rpc.notifications.webhooks.create.v1',
  list: 'rpc.notifications.webhooks.list.v1',
  get: 'rpc.notifications.webhooks.get.v1',
  deliveries: 'rpc.notifications.webhooks.deliveries.list.v1',
  enable: 'rpc.notifications.webhooks.enable.v1',
  delete: 'rpc.notifications.webhooks.delete.v1',
};
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const webhookId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const secret = 'whsec_5m9yQd0yq2v8cTt3bqYx6nq0dY1v9mW2k3Lr8uQe4Hs';

const tokens: Record<string, TokenGrant> = {
  'partner-token': { accountIds: [accountId], permissions: ['webhooks.manage'] },
  'reader-token': { accountIds: [accountId], permissions: ['accounts.read', 'users.read'] },
};

const webhook = {
  id: webhookId,
  accountId,
  url: 'https://crm.partner.example/onramp',
  eventTypes: ['user.created', 'invitation.accepted'],
  description: 'CRM sync',
  status: 'enabled',
  createdAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
  createdBy: userId,
};

const webhookJson = {
  id: webhookId,
  accountId,
  url: 'https://crm.partner.example/onramp',
  eventTypes: ['user.created', 'invitation.accepted'],
  description: 'CRM sync',
  status: 'enabled',
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  failingSince: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  createdBy: userId,
};

describe('webhook endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the notifications service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.listWebhookEventTypes, () => ({
      eventTypes: [{ name: 'user.created', description: 'A user was created' }],
    }));
    await fake.answer(method.createWebhook, (request) => {
      if (request.url.includes('10.0.0.1'))
        throw new DomainError('validation_failed', `${request.url} may not receive webhooks`, [
          { field: 'url', message: '10.0.0.1 is a private address' },
        ]);
      return { webhook: { ...webhook, url: request.url }, secret };
    });
    await fake.answer(method.listWebhooks, () => ({ webhooks: [webhook], nextCursor: 'page-2' }));
    await fake.answer(method.getWebhook, (request) => {
      if (request.webhookId !== webhookId) throw new DomainError('not_found', 'no such webhook');
      return {
        webhook: {
          ...webhook,
          status: 'disabled',
          disabledReason: '20 deliveries in a row failed',
          disabledAt: timestampFromDate(new Date('2026-11-24T08:00:00Z')),
          consecutiveFailures: 20,
          failingSince: timestampFromDate(new Date('2026-11-23T20:00:00Z')),
        },
      };
    });
    await fake.answer(method.listWebhookDeliveries, () => ({
      deliveries: [
        {
          id: '8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
          webhookId,
          eventId: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b',
          eventType: 'user.created',
          status: 'failed',
          attempts: 12,
          responseStatus: 0,
          lastError: 'gave up after 12 attempts: no answer within 10000 ms',
          createdAt: timestampFromDate(new Date('2026-11-23T20:00:00Z')),
          lastAttemptAt: timestampFromDate(new Date('2026-11-24T00:00:00Z')),
        },
      ],
    }));
    await fake.answer(method.enableWebhook, () => ({ webhook }));
    await fake.answer(method.deleteWebhook, () => ({}));
  });
  afterAll(() => bed.stop());

  beforeEach(() => fake.received.clear());

  const request = (
    httpMethod: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    token = 'partner-token',
  ) =>
    fetch(`${gateway.url}${path}`, {
      method: httpMethod,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const created = {
    url: 'https://crm.partner.example/onramp',
    eventTypes: ['user.created', 'invitation.accepted'],
    description: 'CRM sync',
    accountId,
  };

  it('registers an endpoint, answering its signing secret this once', async () => {
    const response = await request('POST', '/v1/webhooks', created);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ webhook: webhookJson, secret });
    expect(fake.received.get(subjects.create)).toMatchObject({
      caller: { userId },
      accountId,
      url: 'https://crm.partner.example/onramp',
      eventTypes: ['user.created', 'invitation.accepted'],
      description: 'CRM sync',
    });
  });

  it('never shows the secret again: not in the list, the endpoint or its deliveries', async () => {
    for (const path of [
      '/v1/webhooks',
      `/v1/webhooks/${webhookId}`,
      `/v1/webhooks/${webhookId}/deliveries`,
    ]) {
      const response = await request('GET', path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/secret/i);
    }
  });

  it('lists endpoints a page at a time, passing the account and cursor on', async () => {
    const response = await request(
      'GET',
      `/v1/webhooks?accountId=${accountId}&cursor=page-1&limit=10`,
    );
    expect(await response.json()).toEqual({ items: [webhookJson], nextCursor: 'page-2' });
    expect(fake.received.get(subjects.list)).toMatchObject({
      accountId,
      cursor: 'page-1',
      limit: 10,
    });
  });

  it('shows a disabled endpoint with the reason, and its delivery log', async () => {
    const endpoint = await (await request('GET', `/v1/webhooks/${webhookId}`)).json();
    expect(endpoint).toMatchObject({
      status: 'disabled',
      disabledReason: '20 deliveries in a row failed',
      disabledAt: '2026-11-24T08:00:00.000Z',
      consecutiveFailures: 20,
      failingSince: '2026-11-23T20:00:00.000Z',
    });
    const log = await request('GET', `/v1/webhooks/${webhookId}/deliveries?status=failed`);
    expect(await log.json()).toEqual({
      items: [
        {
          id: '8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
          webhookId,
          eventId: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b',
          eventType: 'user.created',
          status: 'failed',
          attempts: 12,
          responseStatus: null,
          lastError: 'gave up after 12 attempts: no answer within 10000 ms',
          createdAt: '2026-11-23T20:00:00.000Z',
          lastAttemptAt: '2026-11-24T00:00:00.000Z',
          nextAttemptAt: null,
          deliveredAt: null,
        },
      ],
      nextCursor: null,
    });
    expect(fake.received.get(subjects.deliveries)).toMatchObject({ webhookId, status: 'failed' });
  });

  it('enables and deletes an endpoint', async () => {
    const enabled = await request('POST', `/v1/webhooks/${webhookId}/enable`);
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toEqual(webhookJson);
    const deleted = await request('DELETE', `/v1/webhooks/${webhookId}`);
    expect(deleted.status).toBe(204);
    expect(fake.received.get(subjects.delete)).toMatchObject({ webhookId });
  });

  it('lists the event catalogue', async () => {
    const response = await request('GET', '/v1/webhooks/event-types');
    expect(await response.json()).toEqual({
      items: [{ name: 'user.created', description: 'A user was created' }],
    });
  });

  it('answers the service’s refusal of a private destination as a 400 problem naming the url', async () => {
    const response = await request('POST', '/v1/webhooks', {
      ...created,
      url: 'https://10.0.0.1/hook',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      detail: 'https://10.0.0.1/hook may not receive webhooks',
      violations: [{ field: 'url', message: '10.0.0.1 is a private address' }],
    });
  });

  it('answers an endpoint the caller may not manage as 404', async () => {
    const response = await request('GET', '/v1/webhooks/9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses bad input with a 400 problem before asking the notifications service', async () => {
    for (const body of [
      { ...created, url: 'not a url' },
      { ...created, url: 'ftp://crm.partner.example/onramp' },
      { ...created, url: `https://crm.partner.example/${'a'.repeat(2048)}` },
      { ...created, eventTypes: [] },
      { ...created, eventTypes: ['User Created'] },
      { ...created, description: 'x'.repeat(501) },
      { ...created, accountId: 'not-a-uuid' },
      { ...created, secret: 'mine' },
      {},
    ]) {
      const response = await request('POST', '/v1/webhooks', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const path of [
      '/v1/webhooks/not-a-uuid',
      '/v1/webhooks?limit=101',
      '/v1/webhooks?accountId=nope',
      `/v1/webhooks/${webhookId}/deliveries?status=lost`,
    ]) {
      const response = await request('GET', path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await request('POST', '/v1/webhooks/not-a-uuid/enable')).status).toBe(400);
    expect((await request('DELETE', '/v1/webhooks/not-a-uuid')).status).toBe(400);
    expect([...fake.received.keys()].filter((key) => key.includes('webhooks'))).toEqual([]);
  });

  it('refuses a caller without webhooks.manage (403) or without a credential (401) before asking', async () => {
    for (const [httpMethod, path, body] of [
      ['GET', '/v1/webhooks', undefined],
      ['POST', '/v1/webhooks', created],
      ['GET', '/v1/webhooks/event-types', undefined],
      ['GET', `/v1/webhooks/${webhookId}`, undefined],
      ['GET', `/v1/webhooks/${webhookId}/deliveries`, undefined],
      ['POST', `/v1/webhooks/${webhookId}/enable`, undefined],
      ['DELETE', `/v1/webhooks/${webhookId}`, undefined],
    ] as const) {
      expect((await request(httpMethod, path, body, 'reader-token')).status).toBe(403);
      expect((await request(httpMethod, path, body, 'unknown-token')).status).toBe(401);
    }
    expect([...fake.received.keys()].filter((key) => key.includes('webhooks'))).toEqual([]);
  });
});
