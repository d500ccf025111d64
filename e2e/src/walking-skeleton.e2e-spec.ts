import { Api } from './api';
import { OVERSIZED_BODY_BYTES } from './bad-input';
import { eventually, Stack } from './stack';

describe('walking skeleton: POST /v1/users through every layer', () => {
  let stack: Stack;
  let accessToken: string;
  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    accessToken = (await Api.of(stack).loginAsAdmin()).tokens.accessToken;
  }, 180_000);
  afterAll(() => stack?.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.gatewayUrl}/v1/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates the user in identity and accounts records the event', async () => {
    const response = await post(
      { email: ' Ada@Example.COM ', name: 'Ada Lovelace' },
      { 'x-correlation-id': 'skeleton-1' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('skeleton-1');
    const user = (await response.json()) as {
      id: string;
      email: string;
      name: string;
      createdAt: string;
    };
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(Number.isNaN(Date.parse(user.createdAt))).toBe(false);

    const stored = await stack.query<{ email: string }>(
      'SELECT email FROM identity.users WHERE id = $1',
      [user.id],
    );
    expect(stored).toEqual([{ email: 'ada@example.com' }]);
    await eventually('accounts to record the user', async () => {
      const rows = await stack.query(
        'SELECT 1 FROM accounts.user_directory WHERE user_id = $1 AND email = $2',
        [user.id, 'ada@example.com'],
      );
      return rows.length === 1;
    });
  });

  it('carries the correlation id into the logs of every service on the path', async () => {
    const response = await post(
      { email: 'grace@example.com', name: 'Grace Hopper' },
      { 'x-correlation-id': 'trace-me-42' },
    );
    expect(response.status).toBe(201);
    const linesOf = (service: 'gateway' | 'identity' | 'accounts') =>
      stack
        .process(service)
        .output()
        .filter((line) => line.includes('trace-me-42'));
    await eventually('the consumer to log under the correlation id', () =>
      Promise.resolve(linesOf('accounts').length > 0),
    );
    for (const service of ['gateway', 'identity', 'accounts'] as const) {
      expect(linesOf(service).length).toBeGreaterThan(0);
      for (const line of linesOf(service))
        expect(JSON.parse(line)).toMatchObject({ service, correlationId: 'trace-me-42' });
    }
  });

  it('answers a duplicate email with 409 problem+json and stores nothing new', async () => {
    await post({ email: 'dup@example.com', name: 'First' });
    const response = await post({ email: 'DUP@example.com', name: 'Second' });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: 'urn:onramp:problem:conflict',
      status: 409,
      code: 'conflict',
    });
    expect(
      await stack.query("SELECT 1 FROM identity.users WHERE email = 'dup@example.com'"),
    ).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', '{"email": ', 400, 'validation_failed'],
    [
      'an unknown field',
      { email: 'x@example.com', name: 'X', admin: true },
      400,
      'validation_failed',
    ],
    ['a wrong type', { email: 42, name: 'X' }, 400, 'validation_failed'],
    ['an invalid email', { email: 'not-an-email', name: 'X' }, 400, 'validation_failed'],
    ['an empty name', { email: 'y@example.com', name: '   ' }, 400, 'validation_failed'],
  ])('refuses %s with 4xx problem+json and changes nothing', async (_case, body, status, code) => {
    const before = await stack.query('SELECT id FROM identity.users');
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status, code });
    expect(await stack.query('SELECT id FROM identity.users')).toEqual(before);
  });

  it('refuses an oversized body with 413 problem+json and changes nothing', async () => {
    const before = await stack.query('SELECT id FROM identity.users');
    const response = await Api.of(stack, accessToken).requestDeclaringBody(
      'POST',
      '/v1/users',
      OVERSIZED_BODY_BYTES,
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(await stack.query('SELECT id FROM identity.users')).toEqual(before);
  });

  it('refuses a non-JSON media type with 415 and an unknown route with 404', async () => {
    const wrongType = await fetch(`${stack.gatewayUrl}/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${accessToken}` },
      body: 'hello',
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await fetch(`${stack.gatewayUrl}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });
  });

  it('serves an OpenAPI 3.1 document describing the endpoint and its errors', async () => {
    const response = await fetch(`${stack.gatewayUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, { post: { responses: Record<string, unknown>; requestBody: unknown } }>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths['/v1/users'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409', '413', '415']),
    );
    expect(JSON.stringify(document.paths['/v1/users'].post.requestBody)).toContain(
      '"additionalProperties":false',
    );
  });

  it('reports readiness of the gateway and of a service with a database', async () => {
    const gateway = await fetch(`${stack.gatewayUrl}/health/ready`);
    expect(gateway.status).toBe(200);
    expect(await gateway.json()).toMatchObject({
      status: 'ok',
      details: { nats: { status: 'up' } },
    });
  });
});
