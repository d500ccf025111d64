import { identity, rpcSubject } from '@onramp/contracts';
import { GatewayBed } from '../testing/gateway-bed';
import { invitationToken } from '../testing/invitation-tokens';

const method = identity.IdentityService.method;
const refusal = {
  type: 'urn:onramp:problem:validation-failed',
  status: 400,
  code: 'validation_failed',
  detail: 'the request contains text with a character that cannot be stored',
};
const nulMessage = 'must not contain NUL (U+0000) or an unpaired UTF-16 surrogate';

describe('requests holding text that cannot be stored', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    await bed.fake.acceptTokens('0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d', {
      'reader-token': { permissions: ['users.read'] },
    });
    await bed.fake.answer(method.login, () => ({}));
    await bed.fake.answer(method.requestPasswordReset, () => ({}));
  });
  afterAll(() => bed.stop());
  beforeEach(() => bed.fake.received.clear());

  const send = (path: string, init: RequestInit = {}) => fetch(`${bed.gateway.url}${path}`, init);
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    send(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('are refused with 400 problem+json naming each place, before identity is asked', async () => {
    const response = await postJson(
      '/v1/auth/login',
      '{"email":"ada\\u0000@example.com","password":"x\\ud800"}',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toMatchObject({
      ...refusal,
      violations: [
        { field: 'email', message: nulMessage },
        { field: 'password', message: nulMessage },
      ],
    });
    expect([...bed.fake.received.keys()]).toEqual([]);
  });

  it('are refused before authentication, with or without a credential', async () => {
    const credentials: Record<string, string>[] = [
      {},
      { authorization: 'Bearer reader-token' },
      { authorization: 'Bearer nope' },
    ];
    for (const headers of credentials) {
      const response = await send('/v1/users?q=ada%00', { headers });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        ...refusal,
        violations: [{ field: 'q', message: nulMessage }],
      });
    }
    expect([...bed.fake.received.keys()]).toEqual([]);
  });

  it('are refused in path parameters', async () => {
    const response = await send('/v1/users/%00', {
      headers: { authorization: 'Bearer reader-token' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ...refusal,
      violations: [{ field: 'id', message: nulMessage }],
    });
  });

  it('never reach the password reset, so no event is ever made of them', async () => {
    const response = await postJson(
      '/v1/auth/password-reset',
      '{"email":"ada@example.com\\u0000"}',
    );
    expect(response.status).toBe(400);
    expect(bed.fake.received.has(rpcSubject(method.requestPasswordReset))).toBe(false);
    expect((await postJson('/v1/auth/password-reset', '{"email":"ada@example.com"}')).status).toBe(
      202,
    );
  });

  it('posted to a form page answer that page’s own error page, not JSON', async () => {
    const response = await send(`/invite/${invitationToken('any')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ada%00&password=Secret-123&repeatPassword=Secret-123',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('The form could not be read.');
    const reset = await send('/reset-password?token=%00');
    expect(reset.status).toBe(400);
    expect(reset.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
