import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, rpcSubject } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { GatewayBed } from '../testing/gateway-bed';

const method = identity.IdentityService.method;
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const PASSWORD = 'Right-2026!';
const ACCESS_TOKEN = 'console-access-token';
const REFRESH_LIFETIME_SECONDS = 3600;

interface SetCookie {
  value: string;
  /** Attribute name → value; `true` for a flag such as HttpOnly. */
  attributes: Record<string, string | true>;
}

/** The cookies an answer sets, by name. */
function cookiesSet(response: Response): Map<string, SetCookie> {
  const cookies = new Map<string, SetCookie>();
  for (const header of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split('; ');
    const [name = '', value = ''] = pair.split('=');
    cookies.set(name, {
      value: decodeURIComponent(value),
      attributes: Object.fromEntries(
        attributes.map((attribute) => {
          const [key = '', setting] = attribute.split('=');
          return [key, setting ?? true];
        }),
      ),
    });
  }
  return cookies;
}

/** `Max-Age` is counted from when the gateway answered: a second may have passed since. */
const lifetime = expect.stringMatching(/^(3599|3600)$/) as string;

const problemOf = async (response: Response) => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  code: ((await response.json()) as { code: string }).code,
});

describe('the console session', () => {
  let bed: GatewayBed;
  /** Refresh tokens identity would take, each once. */
  const live = new Set<string>();
  let issued = 0;

  const tokenPair = () => {
    issued += 1;
    const refreshToken = `refresh-${issued}`;
    live.add(refreshToken);
    return {
      tokens: {
        accessToken: ACCESS_TOKEN,
        accessTokenExpiresAt: timestampFromDate(new Date('2030-01-01T00:00:00Z')),
        refreshToken,
        refreshTokenExpiresAt: timestampFromDate(
          new Date(Date.now() + REFRESH_LIFETIME_SECONDS * 1000),
        ),
      },
    };
  };

  beforeAll(async () => {
    bed = await GatewayBed.start();
    await bed.fake.answer(method.login, ({ password }) => {
      if (password !== PASSWORD) {
        throw new DomainError('unauthenticated', 'the email and password do not match');
      }
      return tokenPair();
    });
    await bed.fake.answer(method.refresh, ({ refreshToken }) => {
      if (!live.delete(refreshToken)) {
        throw new DomainError('unauthenticated', 'the refresh token is not valid');
      }
      return tokenPair();
    });
    await bed.fake.answer(method.logout, () => ({}));
    await bed.fake.acceptTokens(userId, { [ACCESS_TOKEN]: { permissions: [] } });
  });
  afterAll(() => bed.stop());
  beforeEach(() => bed.fake.received.clear());

  const post = (path: string, init: RequestInit = {}) =>
    fetch(`${bed.gateway.url}/v1/console/session${path}`, { method: 'POST', ...init });
  const signIn = (password = PASSWORD) =>
    post('', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password }),
    });
  /** The cookie header a browser would send back to the session routes. */
  const cookieHeader = (cookies: Map<string, SetCookie>) =>
    [...cookies].map(([name, { value }]) => `${name}=${value}`).join('; ');
  const refresh = (headers: Record<string, string>) => post('/refresh', { headers });
  const asked = (rpc: typeof method.refresh | typeof method.logout) =>
    bed.fake.received.has(rpcSubject(rpc));

  it('signs in: the access token in the body, the refresh token in an HttpOnly cookie for the session routes, a CSRF token scripts can read', async () => {
    const response = await signIn();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accessToken: ACCESS_TOKEN,
      accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
      tokenType: 'Bearer',
    });
    const cookies = cookiesSet(response);
    expect([...cookies.keys()].sort()).toEqual(['onramp_console_csrf', 'onramp_console_refresh']);
    expect(cookies.get('onramp_console_refresh')).toEqual({
      value: 'refresh-1',
      attributes: {
        'Max-Age': lifetime,
        Path: '/v1/console/session',
        HttpOnly: true,
        Secure: true,
        SameSite: 'Strict',
      },
    });
    expect(cookies.get('onramp_console_csrf')).toEqual({
      value: expect.stringMatching(/^[\w-]{43}$/) as string,
      attributes: { 'Max-Age': lifetime, Path: '/', Secure: true, SameSite: 'Strict' },
    });
  });

  it('refuses wrong credentials with 401, as login does, and sets no cookie', async () => {
    const response = await signIn('Wrong-2026!');

    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await problemOf(response)).toEqual({
      status: 401,
      contentType: 'application/problem+json; charset=utf-8',
      code: 'unauthenticated',
    });
  });

  it('refuses a refresh whose CSRF header is missing or differs from the cookie, before asking identity', async () => {
    const cookie = cookieHeader(cookiesSet(await signIn()));

    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-csrf-token': 'A'.repeat(43) },
    ];
    for (const headers of attempts) {
      expect(await problemOf(await refresh(headers))).toEqual({
        status: 403,
        contentType: 'application/problem+json; charset=utf-8',
        code: 'forbidden',
      });
    }
    expect(asked(method.refresh)).toBe(false);
  });

  it('refreshes with the token of the cookie, once, and replaces both cookies', async () => {
    const before = cookiesSet(await signIn());
    const csrf = before.get('onramp_console_csrf')?.value ?? '';

    const response = await refresh({ cookie: cookieHeader(before), 'x-csrf-token': csrf });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accessToken: ACCESS_TOKEN,
      accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
      tokenType: 'Bearer',
    });
    const received = bed.fake.received.get(rpcSubject(method.refresh)) as identity.RefreshRequest;
    expect(received.refreshToken).toBe(before.get('onramp_console_refresh')?.value);
    const after = cookiesSet(response);
    expect(after.get('onramp_console_refresh')?.value).toBe(`refresh-${issued}`);
    expect(after.get('onramp_console_refresh')?.value).not.toBe(
      before.get('onramp_console_refresh')?.value,
    );
    expect(after.get('onramp_console_csrf')?.value).toMatch(/^[\w-]{43}$/);
    expect(after.get('onramp_console_csrf')?.value).not.toBe(csrf);
  });

  it('answers 401 to a refresh without a refresh cookie, or with a used one, and clears the cookies', async () => {
    const session = cookiesSet(await signIn());
    const csrf = session.get('onramp_console_csrf')?.value ?? '';
    const withCookie = { cookie: cookieHeader(session), 'x-csrf-token': csrf };
    expect((await refresh(withCookie)).status).toBe(200);

    const noRefreshCookie = { cookie: `onramp_console_csrf=${csrf}`, 'x-csrf-token': csrf };
    for (const headers of [noRefreshCookie, withCookie]) {
      const response = await refresh(headers);
      expect(await problemOf(response)).toEqual({
        status: 401,
        contentType: 'application/problem+json; charset=utf-8',
        code: 'unauthenticated',
      });
      expect(Object.fromEntries(cookiesSet(response))).toEqual({
        onramp_console_refresh: {
          value: '',
          attributes: expect.objectContaining({ 'Max-Age': '0', Path: '/v1/console/session' }) as {
            [key: string]: string;
          },
        },
        onramp_console_csrf: {
          value: '',
          attributes: expect.objectContaining({ 'Max-Age': '0', Path: '/' }) as {
            [key: string]: string;
          },
        },
      });
    }
  });

  it('signs out with the access token and the CSRF header: identity ends the session, the cookies are cleared', async () => {
    const session = cookiesSet(await signIn());
    const headers = { authorization: `Bearer ${ACCESS_TOKEN}`, cookie: cookieHeader(session) };

    expect((await post('/logout', { headers })).status).toBe(403);
    expect(asked(method.logout)).toBe(false);

    const csrf = session.get('onramp_console_csrf')?.value ?? '';
    const response = await post('/logout', { headers: { ...headers, 'x-csrf-token': csrf } });

    expect(response.status).toBe(204);
    expect(asked(method.logout)).toBe(true);
    const cleared = cookiesSet(response);
    expect(cleared.get('onramp_console_refresh')?.attributes).toMatchObject({
      'Max-Age': '0',
      Path: '/v1/console/session',
    });
    expect(cleared.get('onramp_console_csrf')?.attributes).toMatchObject({
      'Max-Age': '0',
      Path: '/',
    });
  });

  it('signs out only with an access token', async () => {
    const session = cookiesSet(await signIn());
    const csrf = session.get('onramp_console_csrf')?.value ?? '';

    const response = await post('/logout', {
      headers: { cookie: cookieHeader(session), 'x-csrf-token': csrf },
    });

    expect(response.status).toBe(401);
    expect(asked(method.logout)).toBe(false);
  });
});
