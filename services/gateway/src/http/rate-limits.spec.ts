import { startNatsServer, type NatsServer } from '@onramp/testing';
import { startGateway, type TestGateway } from '../testing/start-gateway';

describe('rate limits', () => {
  let nats: NatsServer;
  let gateway: TestGateway;

  beforeAll(async () => {
    nats = await startNatsServer();
    gateway = await startGateway(nats.url, {
      RATE_LIMIT_AUTH_PER_MINUTE: 3,
      RATE_LIMIT_PER_MINUTE: 5,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await nats.stop();
  });

  const resetPassword = () =>
    fetch(`${gateway.url}/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'limit-test' },
      body: JSON.stringify({ email: 'someone@example.com' }),
    });

  it('answers 429 problem+json with Retry-After once an IP exceeds the login-class limit', async () => {
    // No identity service runs: the allowed requests fail with 503, which still counts.
    const allowed = [await resetPassword(), await resetPassword(), await resetPassword()];
    expect(allowed.map((response) => response.status)).toEqual([503, 503, 503]);

    const limited = await resetPassword();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-correlation-id')).toBe('limit-test');
    expect(await limited.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      correlationId: 'limit-test',
    });
  });

  it('counts the other auth routes separately from the one that is exhausted', async () => {
    const login = await fetch(`${gateway.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone@example.com', password: 'x' }),
    });
    expect(login.status).toBe(503);
  });

  it('limits per credential elsewhere, so one client does not exhaust another', async () => {
    const me = (token: string) =>
      fetch(`${gateway.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const first = [];
    for (let i = 0; i < 6; i++) first.push((await me('token-a')).status);
    expect(first).toEqual([503, 503, 503, 503, 503, 429]);
    expect((await me('token-b')).status).toBe(503);
  });

  it('never limits health probes', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${gateway.url}/health/live`)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});
