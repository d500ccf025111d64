import { GatewayBed } from '../testing/gateway-bed';

describe('a method a path does not have', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start();
  });
  afterAll(() => bed.stop());

  const send = async (method: string, path: string) => {
    const response = await fetch(`${bed.gateway.url}${path}`, { method });
    const body = (await response.json()) as { code: string };
    return { status: response.status, allow: response.headers.get('allow'), code: body.code };
  };

  it.each([
    ['PUT', '/v1/roles', 'GET, HEAD'],
    ['DELETE', '/v1/me', 'GET, HEAD, PATCH'],
    ['GET', '/v1/auth/login', 'POST'],
    ['POST', '/v1/users/0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d', 'DELETE, GET, HEAD, PATCH'],
    ['OPTIONS', '/health/live', 'GET, HEAD'],
    ['POST', '/docs/static/swagger-ui.css', 'GET, HEAD'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    expect(await send(method, path)).toEqual({ status: 405, allow, code: 'method_not_allowed' });
  });

  it('is told apart from a path nothing serves, which stays 404', async () => {
    expect(await send('PUT', '/v1/rolez')).toEqual({ status: 404, allow: null, code: 'not_found' });
    expect(await send('GET', '/v1/users/a/b')).toEqual({
      status: 404,
      allow: null,
      code: 'not_found',
    });
  });
});
