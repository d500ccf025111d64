import { Api } from './api';
import { GOOD_PASSWORD, InvitationFlows, type Grants } from './invitation-flows';
import { eventually, Stack } from './stack';

/** Joining codes and driver self-registration with approval. */
describe('joining codes and self-registration', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  /** A signed-in user who belongs to an account of their own and to nothing else. */
  const signedInUser = async (email: string) => {
    const home = await flows.createAccount({ name: `Home of ${email}`, type: 'consumer' });
    await flows.invite({ kind: 'account', email, accountId: home.id });
    return (await flows.acceptFromEmail(email)).api;
  };

  it('a user who enters the account’s joining code gets access at once', async () => {
    const zone = await flows.createAccount({ name: 'Charging Zone', type: 'consumer' });
    const created = await admin.post<{ id: string; code: string; status: string }>(
      `/v1/accounts/${zone.id}/joining-codes`,
      { role: 'driver', maxUses: 2 },
    );
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const user = await signedInUser('zone.user@cpo.test');
    expect([403, 404]).toContain((await user.get(`/v1/accounts/${zone.id}`)).status);

    const typed = created.body.code.toLowerCase().replace('-', ' ');
    const redeemed = await user.post('/v1/joining-codes/redeem', { code: typed });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ accountId: zone.id, role: 'driver' });
    const me = (await user.get<Grants>('/v1/me')).body;
    expect(me.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountIds: [zone.id], roles: ['driver'] }),
      ]),
    );
    // Redeeming again uses nothing up; a second user takes the last use; a third finds it used up.
    expect((await user.post('/v1/joining-codes/redeem', { code: typed })).status).toBe(200);
    const second = await signedInUser('zone.second@cpo.test');
    expect((await second.post('/v1/joining-codes/redeem', { code: typed })).status).toBe(200);
    const third = await signedInUser('zone.third@cpo.test');
    const usedUp = await third.post('/v1/joining-codes/redeem', { code: typed });
    expect(usedUp.status).toBe(410);
  });

  it('a rotated or revoked code stops working at once; nobody redeems without signing in', async () => {
    const zone = await flows.createAccount({ name: 'Rotating Zone', type: 'consumer' });
    const created = await admin.post<{ id: string; code: string }>(
      `/v1/accounts/${zone.id}/joining-codes`,
      {},
    );
    const rotated = await admin.post<{ code: string }>(
      `/v1/joining-codes/${created.body.id}/rotate`,
    );
    expect(rotated.body.code).not.toBe(created.body.code);
    const user = await signedInUser('rotator@cpo.test');
    expect((await user.post('/v1/joining-codes/redeem', { code: created.body.code })).status).toBe(
      410,
    );
    expect(
      (await anonymous.post('/v1/joining-codes/redeem', { code: rotated.body.code })).status,
    ).toBe(401);
    expect((await admin.post(`/v1/joining-codes/${created.body.id}/revoke`)).status).toBe(200);
    expect((await user.post('/v1/joining-codes/redeem', { code: rotated.body.code })).status).toBe(
      410,
    );
  });

  it('a self-registered driver waits to be approved, then charges; a rejected one is erased', async () => {
    const site = await flows.createAccount({
      name: 'Depot West',
      type: 'consumer',
      language: 'nl',
    });
    const settings = await admin.request<{ enabled: boolean; registrationCode: string }>(
      'PUT',
      `/v1/accounts/${site.id}/registration-settings`,
      { enabled: true },
    );
    expect(settings.status).toBe(200);
    const code = settings.body.registrationCode;
    expect(code).toBeTruthy();

    const registered = await anonymous.post<{ id: string; status: string }>('/v1/registrations', {
      registrationCode: code,
      email: 'self@depot.test',
      name: 'Self Registered',
      password: GOOD_PASSWORD,
    });
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('pending');
    expect(
      (
        await anonymous.post('/v1/auth/login', {
          email: 'self@depot.test',
          password: GOOD_PASSWORD,
        })
      ).status,
    ).not.toBe(200);

    const toBeApproved = await admin.get<{ items: { id: string; email: string }[] }>(
      `/v1/registrations?status=pending&accountId=${site.id}`,
    );
    expect(toBeApproved.body.items.map((item) => item.email)).toEqual(['self@depot.test']);
    // The drivers' tabs: "to be approved" now, "active" once approved.
    const tab = async (name: string) =>
      (
        await admin.get<{ items: { email: string }[] }>(
          `/v1/accounts/${site.id}/drivers?tab=${name}`,
        )
      ).body.items.map((item) => item.email);
    await eventually('the driver waits in "to be approved"', async () =>
      (await tab('to_be_approved')).includes('self@depot.test'),
    );
    const approved = await admin.post(`/v1/registrations/${registered.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved' });
    const { api } = await anonymous.login('self@depot.test', GOOD_PASSWORD);
    const me = (await api.get<Grants>('/v1/me')).body;
    expect(me.grants).toEqual([
      expect.objectContaining({ accountIds: [site.id], roles: ['driver'] }),
    ]);
    await flows.emailTo('self@depot.test');
    await eventually('the driver is active', async () =>
      (await tab('active')).includes('self@depot.test'),
    );

    const other = await anonymous.post<{ id: string }>('/v1/registrations', {
      registrationCode: code,
      email: 'rejected@depot.test',
      name: 'Not Welcome',
      password: GOOD_PASSWORD,
    });
    expect((await admin.post(`/v1/registrations/${other.body.id}/reject`)).status).toBe(200);
    const users = await admin.get<{ items: { email: string }[] }>(
      '/v1/users?q=rejected@depot.test',
    );
    expect(users.body.items).toEqual([]);
    // Erased everywhere: the registration keeps its id and outcome, not the person.
    await eventually('the registration forgets the rejected person', async () => {
      const listed = await admin.get<{ items: { id: string; email: string; name: string }[] }>(
        `/v1/registrations?status=rejected&accountId=${site.id}`,
      );
      const rejected = listed.body.items.find((item) => item.id === other.body.id);
      return rejected !== undefined && rejected.email.startsWith('erased:') && rejected.name === '';
    });

    // Disabling registration makes the code stop working.
    await admin.request('PUT', `/v1/accounts/${site.id}/registration-settings`, { enabled: false });
    const late = await anonymous.post('/v1/registrations', {
      registrationCode: code,
      email: 'late@depot.test',
      name: 'Too Late',
      password: GOOD_PASSWORD,
    });
    expect(late.status).toBe(410);
  });

  it("the drivers to be approved are searched by the registrant's email or name", async () => {
    const site = await flows.createAccount({ name: 'Depot Search', type: 'consumer' });
    const settings = await admin.request<{ registrationCode: string }>(
      'PUT',
      `/v1/accounts/${site.id}/registration-settings`,
      { enabled: true },
    );
    const registrants = [
      { email: 'ana.search@depot.test', name: 'Ana Lopez' },
      { email: 'bo_b@depot.test', name: 'Bob Stone' },
      { email: 'carl@depot.test', name: 'Carla Ana' },
    ];
    for (const registrant of registrants) {
      const registered = await anonymous.post('/v1/registrations', {
        ...registrant,
        registrationCode: settings.body.registrationCode,
        password: GOOD_PASSWORD,
      });
      expect(registered.status).toBe(201);
    }
    const search = async (q: string) => {
      const listed = await admin.get<{ items: { email: string }[] }>(
        `/v1/registrations?status=pending&accountId=${site.id}&q=${encodeURIComponent(q)}`,
      );
      expect(listed.status).toBe(200);
      return listed.body.items.map((item) => item.email).sort();
    };

    expect(await search('ANA')).toEqual(['ana.search@depot.test', 'carl@depot.test']);
    expect(await search('stone')).toEqual(['bo_b@depot.test']);
    // Typed wildcards are characters: "_" finds the one email with an underscore.
    expect(await search('_')).toEqual(['bo_b@depot.test']);
    expect(await search('%')).toEqual([]);
    expect(await search('nobody')).toEqual([]);
  });
});
