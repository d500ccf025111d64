import { GatewayBed } from '../testing/gateway-bed';

describe('operations without query parameters', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    await bed.fake.acceptTokens('0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d', {
      'reader-token': { permissions: ['users.read'] },
    });
  });
  afterAll(() => bed.stop());

  const get = (path: string) =>
    fetch(`${bed.gateway.url}${path}`, { headers: { authorization: 'Bearer reader-token' } });

  it('refuse any query parameter with a 400 problem naming it, as strict schemas refuse unknown fields', async () => {
    expect((await get('/v1/roles')).status).toBe(200);
    const refused = await get('/v1/roles?include=everything');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'include', message: 'is not a parameter of this endpoint' }],
    });
  });

  it('leave operations that declare query parameters to their own schema', async () => {
    expect((await get('/v1/users?status=active')).status).not.toBe(400);
  });
});
