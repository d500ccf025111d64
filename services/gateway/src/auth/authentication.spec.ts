import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { startNatsServer, type NatsServer } from '@onramp/testing';
import { FakeIdentity } from '../testing/fake-identity';
import { startGateway, type TestGateway } from '../testing/start-gateway';

const method = identity.IdentityService.method;
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';

/** Tokens the fake identity knows, and the grants each resolves to. */
const callers: Record<string, { permissions: string[]; apiKeyId?: string }> = {
  'reader-token': { permissions: ['users.read'] },
  'driver-token': { permissions: ['sessions.read_own'] },
  onr_partner_key: { permissions: ['users.read'], apiKeyId: 'key-1' },
};

describe('authentication and authorization', () => {
  let nats: NatsServer;
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    nats = await startNatsServer();
    fake = await FakeIdentity.connect(nats.url);
    await fake.answer(method.authenticate, ({ credential }) => {
      const known = credential.value === undefined ? undefined : callers[credential.value];
      if (known === undefined) throw new DomainError('unauthenticated', 'unknown credential');
      const grant = { accountIds: [accountId], roles: ['account_admin'], ...known };
      return { caller: { userId, apiKeyId: known.apiKeyId ?? '', grants: [grant] } };
    });
    await fake.answer(method.listUsers, () => ({ users: [] }));
    await fake.answer(method.getUser, ({ userId: id }) => ({
      user: { id, email: 'ada@example.com', name: 'Ada', language: 'en', status: 'active' },
    }));
    await fake.answer(method.login, () => {
      const expiry = timestampFromDate(new Date('2030-01-01T00:00:00Z'));
      return {
        tokens: {
          accessToken: 'a',
          accessTokenExpiresAt: expiry,
          refreshToken: 'r',
          refreshTokenExpiresAt: expiry,
        },
      };
    });
    gateway = await startGateway(nats.url);
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
    await nats.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(`${gateway.url}${path}`, {
      headers: {
        'x-correlation-id': 'auth-test',
        ...(token && { authorization: `Bearer ${token}` }),
      },
    });

  it('refuses a request without credentials with 401, WWW-Authenticate and the correlation id', async () => {
    const response = await get('/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-correlation-id')).toBe('auth-test');
    expect(await response.json()).toMatchObject({
      code: 'unauthenticated',
      correlationId: 'auth-test',
    });
  });

  it('refuses a credential identity does not know, and a header that is not Bearer', async () => {
    expect((await get('/v1/me', 'forged')).status).toBe(401);
    const basic = await fetch(`${gateway.url}/v1/me`, { headers: { authorization: 'Basic eDp5' } });
    expect(basic.status).toBe(401);
  });

  it('answers 403 when the caller holds the permission nowhere, without asking identity', async () => {
    const response = await get('/v1/users', 'driver-token');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden' });
    expect(fake.received.has('rpc.identity.users.list.v1')).toBe(false);
  });

  it('passes the caller and the validated query on to identity', async () => {
    const response = await get('/v1/users?limit=2&status=active', 'reader-token');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
    const request = fake.received.get('rpc.identity.users.list.v1') as identity.ListUsersRequest;
    expect(request.limit).toBe(2);
    expect(request.status).toBe('active');
    expect(request.caller?.userId).toBe(userId);
  });

  it('rejects unknown query parameters and malformed ids with 400 before calling identity', async () => {
    const unknown = await get('/v1/users?sort=name', 'reader-token');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      code: 'validation_failed',
      violations: [expect.objectContaining({ field: '(query)' })],
    });
    expect((await get('/v1/users/not-a-uuid', 'reader-token')).status).toBe(400);
  });

  it('resolves onr_ bearer tokens as API keys, and /v1/me shows a key without a user', async () => {
    const response = await get('/v1/me', 'onr_partner_key');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: null,
      apiKeyId: 'key-1',
      grants: [
        {
          platform: false,
          accountIds: [accountId],
          roles: ['account_admin'],
          permissions: ['users.read'],
        },
      ],
    });
    const request = fake.received.get(
      'rpc.identity.auth.authenticate.v1',
    ) as identity.AuthenticateRequest;
    expect(request.credential).toEqual({ case: 'apiKey', value: 'onr_partner_key' });
  });

  it("shows a user's own profile on /v1/me", async () => {
    const body = (await (await get('/v1/me', 'reader-token')).json()) as Record<string, unknown>;
    expect(body.user).toEqual({
      id: userId,
      email: 'ada@example.com',
      name: 'Ada',
      language: 'en',
      status: 'active',
      createdAt: null,
      activatedAt: null,
      lastLoginAt: null,
      gender: null,
      externalId: null,
      memberships: [],
    });
    expect(body).not.toHaveProperty('apiKeyId');
  });

  it('lets anyone log in, passing where the request came from', async () => {
    const response = await fetch(`${gateway.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'spec/1.0' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'secret' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accessToken: 'a',
      accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
      refreshToken: 'r',
      refreshTokenExpiresAt: '2030-01-01T00:00:00.000Z',
      tokenType: 'Bearer',
    });
    const request = fake.received.get('rpc.identity.auth.login.v1') as identity.LoginRequest;
    expect(request.client).toMatchObject({ ip: '127.0.0.1', userAgent: 'spec/1.0' });
  });

  it('shows the role catalogue to any authenticated caller', async () => {
    const body = (await (await get('/v1/roles', 'driver-token')).json()) as {
      roles: { name: string; scope: string; permissions: string[] }[];
      permissions: string[];
    };
    expect(body.roles).toContainEqual(
      expect.objectContaining({ name: 'platform_admin', scope: 'platform' }),
    );
    expect(body.permissions).toContain('users.read');
  });

  it('keeps health probes open without credentials', async () => {
    expect((await get('/health/live')).status).toBe(200);
  });
});
