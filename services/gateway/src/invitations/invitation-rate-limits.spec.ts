import { GatewayBed } from '../testing/gateway-bed';
import { answerInvitationTokens, invitationToken } from '../testing/invitation-tokens';

const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const token = invitationToken('limited');

describe('per-IP limits on token- and code-based routes', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start({ RATE_LIMIT_AUTH_PER_MINUTE: 2 });
    await bed.fake.acceptTokens(userId, { 'user-token': { permissions: [] } });
    await answerInvitationTokens(
      bed.fake,
      new Map([
        [token, { preview: { kind: 'account', email: 'ann@fleet.example', language: 'nl' } }],
      ]),
    );
  });
  afterAll(() => bed.stop());

  const json =
    (path: string, body: unknown, headers: Record<string, string> = {}) =>
    () =>
      fetch(`${bed.gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

  /** Three requests in a row: the third is one too many. */
  const threeTimes = async (request: () => Promise<Response>): Promise<Response[]> => [
    await request(),
    await request(),
    await request(),
  ];

  it.each([
    ['lookup', () => fetch(`${bed.gateway.url}/v1/invitations/lookup?token=${token}`)],
    ['accept', json('/v1/invitations/accept', { token, name: 'Ann', password: 'Fresh-2026!' })],
    [
      'register',
      json('/v1/registrations', {
        registrationCode: 'FLEET-2026',
        email: 'dan@drivers.example',
        name: 'Dan',
        password: 'Charge-2026!',
      }),
    ],
    [
      'redeem',
      json(
        '/v1/joining-codes/redeem',
        { code: 'K7QF-2M9D' },
        { authorization: 'Bearer user-token' },
      ),
    ],
  ])(
    'answers %s 429 problem+json with Retry-After once an IP tries too often',
    async (_route, request) => {
      const [first, second, third] = await threeTimes(request);
      expect(first?.status).not.toBe(429);
      expect(second?.status).not.toBe(429);
      expect(third?.status).toBe(429);
      expect(third?.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(third?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await third?.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    },
  );

  it('answers the acceptance page with a page saying when to try again, opening and posting alike', async () => {
    const open = () =>
      fetch(`${bed.gateway.url}/invite/${token}`, { headers: { 'accept-language': 'de' } });
    const shown = await open();
    expect(shown.status).toBe(200);
    const posted = await fetch(`${bed.gateway.url}/invite/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: 'language=nl&name=Ann&password=Fresh-2026!&repeatPassword=Fresh-2026!',
    });
    expect(posted.status).toBe(200);
    const limited = await open();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(limited.headers.get('referrer-policy')).toBe('no-referrer');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Zu viele Versuche');
  });

  it('answers the password reset page with a page too', async () => {
    const open = () => fetch(`${bed.gateway.url}/reset-password?token=${token}`);
    const [, , limited] = await threeTimes(open);
    expect(limited?.status).toBe(429);
    expect(await limited?.text()).toContain('Too many attempts; try again later.');
  });
});
