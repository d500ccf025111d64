import { PAGE_HEADERS } from '../pages/html';
import { GatewayBed } from '../testing/gateway-bed';
import { invitationToken } from '../testing/invitation-tokens';

const apiPolicy = "default-src 'none';frame-ancestors 'none'";

/** The headers that keep an answer from being sniffed, framed or kept where it should not be. */
const protectionOf = (response: Response) => ({
  status: response.status,
  'x-content-type-options': response.headers.get('x-content-type-options'),
  'x-frame-options': response.headers.get('x-frame-options'),
  'content-security-policy': response.headers.get('content-security-policy'),
  'cache-control': response.headers.get('cache-control'),
});

const api = (status: number) => ({
  status,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': apiPolicy,
  'cache-control': 'no-store',
});

describe('every answer of the gateway', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    await bed.fake.acceptTokens('0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d', {
      'reader-token': { permissions: ['users.read'] },
    });
  });
  afterAll(() => bed.stop());

  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${bed.gateway.url}${path}`, init);
    await response.arrayBuffer();
    return protectionOf(response);
  };
  const reader = { headers: { authorization: 'Bearer reader-token' } };

  it('of the API, answered or refused, is never sniffed, framed or stored', async () => {
    expect(await get('/v1/roles', reader)).toEqual(api(200));
    expect(await get('/v1/roles')).toEqual(api(401));
    expect(await get('/v1/no-such-thing')).toEqual(api(404));
    expect(await get('/v1/roles?include=everything', reader)).toEqual(api(400));
    expect(await get('/v1/roles', { ...reader, method: 'PUT' })).toEqual(api(405));
    expect(await get('/health/live')).toEqual(api(200));
    // A path the router itself cannot read is refused before any hook runs.
    expect(await get('/v1/users/%E0%A4%A')).toEqual(api(400));
  });

  it('of the reference may be kept for five minutes, and is never framed', async () => {
    expect(await get('/docs/openapi.json')).toEqual({
      ...api(200),
      'cache-control': 'public, max-age=300',
    });
    const page = await get('/docs');
    expect(page).toEqual({
      ...api(200),
      'content-security-policy': expect.stringContaining("frame-ancestors 'none';") as string,
      'cache-control': 'public, max-age=300',
    });
    expect(page['content-security-policy']).toMatch(/^default-src 'self'; /);
  });

  it('of a page keeps the page’s stricter policy', async () => {
    expect(await get(`/reset-password?token=${invitationToken('reset')}`)).toEqual({
      status: 200,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': PAGE_HEADERS['content-security-policy'],
      'cache-control': 'no-store',
    });
  });
});
