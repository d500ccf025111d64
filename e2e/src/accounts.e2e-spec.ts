import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { eventually, Stack } from './stack';

interface Account {
  id: string;
  name: string;
  parentId: string | null;
  reimbursementRateEurPerKwh: string | null;
  licence: string;
}
interface Card {
  id: string;
  uid: string;
  valid: boolean;
}

const company = {
  company: { legalName: 'Fleet Partners B.V.', vatNumber: 'NL123456789B01' },
  billingAddress: {
    line1: 'Stationsplein 1',
    postalCode: '1012 AB',
    city: 'Amsterdam',
    country: 'NL',
  },
};

describe('accounts through the gateway: tree, scope, licence rules, cards', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;

  const createAccount = async (body: Record<string, unknown>, as: Api = admin) => {
    const response = await as.post<Account>('/v1/accounts', body);
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('refuses a business account without company details, and creates it with them', async () => {
    const refused = await admin.post('/v1/accounts', { name: 'Fleet Partners', type: 'business' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('company');

    const created = await createAccount({ name: 'Fleet Partners', type: 'business', ...company });
    expect(created).toMatchObject({ name: 'Fleet Partners', parentId: null });
    expect((await admin.get(`/v1/accounts/${created.id}`)).status).toBe(200);
  });

  it('builds a sub-account tree, keeps the reimbursement rate exact and refuses cycles', async () => {
    const root = await createAccount({ name: 'Tree Root', type: 'business', ...company });
    const employee = await createAccount({
      name: 'Employee Jan',
      type: 'consumer',
      parentId: root.id,
      relation: 'employee',
      reimbursementRateEurPerKwh: '0.3125',
    });
    const subsidiary = await createAccount({
      name: 'Subsidiary Oost',
      type: 'business',
      parentId: employee.id,
      relation: 'subsidiary',
      ...company,
    });
    expect((await admin.get<Account>(`/v1/accounts/${employee.id}`)).body).toMatchObject({
      parentId: root.id,
      reimbursementRateEurPerKwh: '0.3125',
    });
    const children = await admin.get<{ items: Account[] }>(`/v1/accounts?parentId=${root.id}`);
    expect(children.body.items.map((account) => account.name)).toEqual(['Employee Jan']);

    for (const rate of ['0.12345', '-1', '11', 'abc']) {
      const response = await admin.patch(`/v1/accounts/${employee.id}`, {
        reimbursementRateEurPerKwh: rate,
      });
      expect(response.status).toBe(400);
    }
    const cycle = await admin.patch(`/v1/accounts/${root.id}`, {
      parentId: subsidiary.id,
      relation: 'subsidiary',
    });
    expect(cycle.status).toBe(400);
    expect((await admin.get<Account>(`/v1/accounts/${root.id}`)).body.parentId).toBeNull();
  });

  it('keeps an account admin inside their account and its sub-accounts', async () => {
    const a = await createAccount({ name: 'Customer A', type: 'business', ...company });
    const aChild = await createAccount({
      name: 'A Employee',
      type: 'consumer',
      parentId: a.id,
      relation: 'employee',
    });
    const b = await createAccount({ name: 'Customer B', type: 'business', ...company });
    const password = 'Plug-and-Charge-42!';
    const created = await admin.post('/v1/users', {
      email: 'admin-a@customer.test',
      name: 'Admin A',
      password,
      memberships: [{ accountIds: [a.id], roles: ['account_admin'] }],
    });
    expect(created.status).toBe(201);
    const { api: asAdminA } = await anonymous.login('admin-a@customer.test', password);

    expect((await asAdminA.get(`/v1/accounts/${aChild.id}`)).status).toBe(200);
    const visible = await asAdminA.get<{ items: Account[] }>('/v1/accounts');
    expect(visible.body.items.map((account) => account.id).sort()).toEqual(
      [a.id, aChild.id].sort(),
    );
    expect((await asAdminA.get(`/v1/accounts/${b.id}`)).status).toBe(404);
    expect((await asAdminA.patch(`/v1/accounts/${b.id}`, { name: 'Taken over' })).status).toBe(404);
    expect((await asAdminA.get(`/v1/accounts/${b.id}/charging-cards`)).status).toBe(404);
    expect((await admin.get<Account>(`/v1/accounts/${b.id}`)).body.name).toBe('Customer B');
  });

  it('requires a user group for every driver on a Pro licence', async () => {
    const pro = await createAccount({
      name: 'Pro Site',
      type: 'business',
      licence: 'pro',
      ...company,
    });
    const driver = await admin.post<{ id: string }>('/v1/users', {
      email: `driver-${randomUUID()}@pro.test`,
      name: 'Pro Driver',
      password: 'Plug-and-Charge-42!',
      memberships: [{ accountIds: [pro.id], roles: ['driver'] }],
    });
    expect(driver.status).toBe(201);
    const path = `/v1/accounts/${pro.id}/drivers/${driver.body.id}`;
    // Accounts learns of the user and their membership from identity's events.
    await eventually('accounts to know the driver and their membership', async () => {
      const rows = await stack.query(
        `SELECT 1 FROM accounts.user_directory d
           JOIN accounts.account_memberships m ON m.user_id = d.user_id AND NOT m.revoked
          WHERE d.user_id = $1 AND $2::uuid = ANY (m.account_ids)`,
        [driver.body.id, pro.id],
      );
      return rows.length === 1;
    });

    const withoutGroup = await admin.patch(path, { info1: 'EMP-001' });
    expect(withoutGroup.status).toBe(400);
    const group = await admin.post<{ id: string }>(`/v1/accounts/${pro.id}/user-groups`, {
      name: 'Depot chargers',
      stationIds: ['NL*TNM*E0001'],
    });
    expect(group.status).toBe(201);
    const withGroup = await admin.patch(path, {
      info1: 'EMP-001',
      userGroupIds: [group.body.id],
      vehicle: { make: 'Kia', model: 'EV6', licencePlate: 'ab-123-c' },
      newCostCenterName: 'Logistics',
    });
    expect(withGroup.status).toBe(200);
    expect(withGroup.body).toMatchObject({
      info1: 'EMP-001',
      userGroupIds: [group.body.id],
      vehicle: { licencePlate: 'AB123C' },
    });

    // A driver profile exists only where the user is a member: not in another customer's account.
    const elsewhere = await createAccount({ name: 'Other Customer', type: 'consumer' });
    const foreign = await admin.patch(`/v1/accounts/${elsewhere.id}/drivers/${driver.body.id}`, {
      info1: 'HIJACK',
    });
    expect(foreign.status).toBe(404);
  });

  it('keeps card uids unique and never deletes a card, only invalidates it', async () => {
    const owner = await createAccount({ name: 'Card Owner', type: 'consumer' });
    const other = await createAccount({ name: 'Card Other', type: 'consumer' });
    const card = {
      uid: '04A2B3C4D5E6F7',
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Onramp CPO',
      whitelist: 'ALLOWED',
    };
    const created = await admin.post<Card>(`/v1/accounts/${owner.id}/charging-cards`, card);
    expect(created.status).toBe(201);
    const duplicate = await admin.post(`/v1/accounts/${other.id}/charging-cards`, card);
    expect(duplicate.status).toBe(409);

    const removed = await admin.delete<Card>(
      `/v1/accounts/${owner.id}/charging-cards/${created.body.id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.valid).toBe(false);
    const read = await admin.get<Card>(
      `/v1/accounts/${owner.id}/charging-cards/${created.body.id}`,
    );
    expect(read.body).toMatchObject({ uid: card.uid, valid: false });
  });
});
