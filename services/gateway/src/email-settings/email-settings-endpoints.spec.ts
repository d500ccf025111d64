import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = notifications.NotificationsService.method;
const putSubject = 'rpc.notifications.settings.put.v1';
const getSubject = 'rpc.notifications.settings.get.v1';
const deleteSubject = 'rpc.notifications.settings.delete.v1';
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';

const tokens: Record<string, { platform: boolean; permissions: string[] }> = {
  'operator-token': { platform: true, permissions: ['settings.manage'] },
  'reader-token': { platform: true, permissions: ['notifications.read'] },
};

const saved = {
  provider: 'postmark',
  from: 'Volt <no-reply@volt.example>',
  messageStream: 'outbound',
  secretSet: true,
  source: 'settings',
  updatedAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
  updatedBy: userId,
};

describe('email provider settings endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the notifications service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.getEmailProviderSettings, () => ({
      settings: { provider: 'none', from: 'Onramp <no-reply@onramp.local>', source: 'environment' },
    }));
    await fake.answer(method.putEmailProviderSettings, (request) => {
      if (request.provider === 'smtp' && request.smtpUrl === undefined)
        throw new DomainError('validation_failed', 'would not work', [
          { field: 'smtpUrl', message: 'is required for the smtp provider' },
        ]);
      return { settings: saved };
    });
    await fake.answer(method.deleteEmailProviderSettings, () => ({}));
  });
  afterAll(() => bed.stop());

  beforeEach(() => fake.received.clear());

  const request = (
    httpMethod: 'GET' | 'PUT' | 'DELETE',
    body?: unknown,
    token = 'operator-token',
  ) =>
    fetch(`${gateway.url}/v1/settings/email-provider`, {
      method: httpMethod,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('reads the settings in camelCase, null for what is not set', async () => {
    const response = await request('GET');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      provider: 'none',
      from: 'Onramp <no-reply@onramp.local>',
      messageStream: null,
      secretSet: false,
      source: 'environment',
      updatedAt: null,
      updatedBy: null,
    });
    expect(fake.received.get(getSubject)).toMatchObject({ caller: { userId } });
  });

  it('saves Postmark settings, passing the token on and answering only that one is set', async () => {
    const response = await request('PUT', {
      provider: 'postmark',
      postmarkServerToken: 'the-postmark-server-token',
      from: 'Volt <no-reply@volt.example>',
      messageStream: 'outbound',
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('the-postmark-server-token');
    expect(JSON.parse(text)).toEqual({
      provider: 'postmark',
      from: 'Volt <no-reply@volt.example>',
      messageStream: 'outbound',
      secretSet: true,
      source: 'settings',
      updatedAt: '2026-11-23T10:00:00.000Z',
      updatedBy: userId,
    });
    expect(fake.received.get(putSubject)).toMatchObject({
      caller: { userId },
      provider: 'postmark',
      postmarkServerToken: 'the-postmark-server-token',
      messageStream: 'outbound',
    });
  });

  it('forgets the saved settings on DELETE, answering 204 without a body', async () => {
    const response = await request('DELETE');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(fake.received.get(deleteSubject)).toMatchObject({ caller: { userId } });
  });

  it('answers the notifications service’s validation_failed as a 400 problem', async () => {
    const response = await request('PUT', { provider: 'smtp' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      detail: 'would not work',
      violations: [{ field: 'smtpUrl', message: 'is required for the smtp provider' }],
    });
  });

  it('refuses an unknown provider, a non-SMTP URL or an unknown field before asking the service', async () => {
    for (const body of [
      { provider: 'sendgrid' },
      { provider: 'smtp', smtpUrl: 'https://mail.example' },
      { provider: 'smtp', smtpUrl: 'smtp://mail.example', password: 'x' },
      {},
    ]) {
      const response = await request('PUT', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(fake.received.has(putSubject)).toBe(false);
  });

  it('refuses a caller without settings.manage before asking the notifications service', async () => {
    expect((await request('GET', undefined, 'reader-token')).status).toBe(403);
    expect((await request('PUT', { provider: 'none' }, 'reader-token')).status).toBe(403);
    expect((await request('DELETE', undefined, 'reader-token')).status).toBe(403);
    expect((await request('GET', undefined, 'unknown-token')).status).toBe(401);
    expect(fake.received.has(getSubject)).toBe(false);
    expect(fake.received.has(putSubject)).toBe(false);
    expect(fake.received.has(deleteSubject)).toBe(false);
  });
});
