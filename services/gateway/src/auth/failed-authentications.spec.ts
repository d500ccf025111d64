import { randomBytes } from 'node:crypto';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { startNatsServer, type NatsServer } from '@onramp/testing';
import { FakeIdentity } from '../testing/fake-identity';
import { startGateway, type TestGateway } from '../testing/start-gateway';

describe('refused credentials are limited per client address', () => {
  let nats: NatsServer;
  let fake: FakeIdentity;
  let gateway: TestGateway;
  let asked = 0;

  beforeAll(async () => {
    nats = await startNatsServer();
    fake = await FakeIdentity.connect(nats.url);
    await fake.answer(identity.IdentityService.method.authenticate, () => {
      asked += 1;
      throw new DomainError('unauthenticated', 'unknown credential');
    });
    gateway = await startGateway(nats.url, { FAILED_AUTH_PER_MINUTE: 3 });
  });
  afterAll(async () => {
    await gateway.close();
    await fake.close();
    await nats.stop();
  });

  const withRandomToken = () =>
    fetch(`${gateway.url}/v1/me`, {
      headers: { authorization: `Bearer ${randomBytes(16).toString('hex')}` },
    });

  it('answers 429 with Retry-After once an address used up its failures, whatever token it tries next', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await withRandomToken()).status).toBe(401);
    }
    const refused = await withRandomToken();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The credential was not even sent to identity.
    expect(asked).toBe(3);
  });
});
