import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = notifications.NotificationsService.method;
const subject = 'rpc.notifications.deliveries.list.v1';
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const deliveryId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

const tokens: Record<string, TokenGrant> = {
  'operator-token': { platform: true, permissions: ['notifications.read'] },
  'admin-token': {
    accountIds: ['6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11'],
    permissions: ['accounts.read', 'users.read'],
  },
};

describe('notifications endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the notifications service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.listDeliveries, (request) => ({
      deliveries: [
        {
          id: deliveryId,
          recipient: request.to ?? 'ann@fleet.example',
          template: 'password-reset',
          language: 'nl',
          sourceEvent: 'identity.password-reset.issued.v1',
          status: 'sent',
          attempts: 2,
          providerMessageId: '<abc@smtp.example>',
          createdAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
          sentAt: timestampFromDate(new Date('2026-11-23T10:00:05Z')),
        },
        {
          id: '8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
          recipient: 'bob@fleet.example',
          template: 'security-report',
          language: 'en',
          sourceEvent: 'identity.security-report.requested.v1',
          status: 'not_sent',
          lastError: 'provider_not_configured',
          createdAt: timestampFromDate(new Date('2026-11-23T09:00:00Z')),
          reference: 'invitation:8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
        },
      ],
      nextCursor: 'page-2',
    }));
  });
  afterAll(() => bed.stop());

  beforeEach(() => fake.received.clear());

  const get = (path: string, token = 'operator-token') =>
    fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const received = () => fake.received.get(subject) as notifications.ListDeliveriesRequest;

  it('lists deliveries in camelCase with ISO timestamps, null for what is not set, and the next cursor', async () => {
    const response = await get('/v1/notifications/deliveries');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        {
          id: deliveryId,
          recipient: 'ann@fleet.example',
          template: 'password-reset',
          language: 'nl',
          sourceEvent: 'identity.password-reset.issued.v1',
          status: 'sent',
          attempts: 2,
          providerMessageId: '<abc@smtp.example>',
          lastError: null,
          createdAt: '2026-11-23T10:00:00.000Z',
          sentAt: '2026-11-23T10:00:05.000Z',
          reference: null,
        },
        {
          id: '8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
          recipient: 'bob@fleet.example',
          template: 'security-report',
          language: 'en',
          sourceEvent: 'identity.security-report.requested.v1',
          status: 'not_sent',
          attempts: 0,
          providerMessageId: null,
          lastError: 'provider_not_configured',
          createdAt: '2026-11-23T09:00:00.000Z',
          sentAt: null,
          reference: 'invitation:8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
        },
      ],
      nextCursor: 'page-2',
    });
    expect(received()).toMatchObject({ limit: 50, caller: { userId } });
    expect(received().to).toBeUndefined();
  });

  it('passes the filters, cursor and limit on to the notifications service', async () => {
    const response = await get(
      '/v1/notifications/deliveries?to=Ann%40Fleet.example&status=failed&cursor=page-2&limit=10',
    );
    expect(response.status).toBe(200);
    expect(received()).toMatchObject({
      to: 'Ann@Fleet.example',
      status: 'failed',
      cursor: 'page-2',
      limit: 10,
    });
  });

  it('refuses an unknown status, a too long address, an unknown parameter or a limit above 100', async () => {
    for (const query of [
      'status=bounced-ish',
      `to=${'a'.repeat(250)}%40x.nl`,
      'recipient=ann%40fleet.example',
      'limit=101',
    ]) {
      const response = await get(`/v1/notifications/deliveries?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(fake.received.has(subject)).toBe(false);
  });

  it('refuses a caller without notifications.read before asking the notifications service', async () => {
    expect((await get('/v1/notifications/deliveries', 'admin-token')).status).toBe(403);
    expect((await get('/v1/notifications/deliveries', 'unknown-token')).status).toBe(401);
    expect(fake.received.has(subject)).toBe(false);
  });
});
