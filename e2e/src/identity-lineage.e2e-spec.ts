import { Api } from './api';
import { eventually, Stack } from './stack';

interface Account {
  id: string;
}
interface User {
  id: string;
  email: string;
}

const company = {
  company: { legalName: 'Lineage Holding B.V.', vatNumber: 'NL987654321B01' },
  billingAddress: {
    line1: 'Stationsplein 2',
    postalCode: '1012 AB',
    city: 'Amsterdam',
    country: 'NL',
  },
};

describe('identity scopes users by the account tree (accounts, identity, gateway)', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  const createAccount = async (body: Record<string, unknown>) => {
    const response = await admin.post<Account>('/v1/accounts', body);
    expect(response.status).toBe(201);
    return response.body;
  };

  const createUser = async (email: string, accountId: string, role: string, password?: string) => {
    const response = await admin.post<User>('/v1/users', {
      email,
      name: email.split('@')[0],
      password,
      memberships: [{ accountIds: [accountId], roles: [role] }],
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  it("shows a parent account's admin the users of its sub-accounts, not of other accounts", async () => {
    const parent = await createAccount({ name: 'Lineage Parent', type: 'business', ...company });
    const sub = await createAccount({
      name: 'Lineage Employee',
      type: 'consumer',
      parentId: parent.id,
      relation: 'employee',
    });
    const other = await createAccount({ name: 'Lineage Other', type: 'consumer' });

    const subDriver = await createUser('sub-driver@lineage.test', sub.id, 'driver');
    const otherDriver = await createUser('other-driver@lineage.test', other.id, 'driver');
    const password = 'Lineage-Passw0rd-42!';
    await createUser('parent-admin@lineage.test', parent.id, 'account_admin', password);
    const { api: parentAdmin } = await anonymous.login('parent-admin@lineage.test', password);

    // Identity learns the tree from accounts' events, a moment after the accounts exist.
    await eventually('the parent admin sees the sub-account user', async () => {
      expect((await parentAdmin.get(`/v1/users/${subDriver.id}`)).status).toBe(200);
    });
    const listed = await parentAdmin.get<{ items: User[] }>('/v1/users');
    expect(listed.status).toBe(200);
    const emails = listed.body.items.map((user) => user.email);
    expect(emails).toContain('sub-driver@lineage.test');
    expect(emails).not.toContain('other-driver@lineage.test');
    expect((await parentAdmin.get(`/v1/users/${otherDriver.id}`)).status).toBe(404);
  });

  it("lets a parent account's admin filter users and manage API keys below it, not elsewhere", async () => {
    const parent = await createAccount({ name: 'Keys Parent', type: 'business', ...company });
    const child = { type: 'consumer', relation: 'employee' };
    const sub = await createAccount({ name: 'Keys Sub', parentId: parent.id, ...child });
    const grandchild = await createAccount({ name: 'Keys Grandchild', parentId: sub.id, ...child });
    const other = await createAccount({ name: 'Keys Other', type: 'consumer' });
    const grandchildDriver = await createUser('gc-driver@keys.test', grandchild.id, 'driver');
    await createUser('other-driver@keys.test', other.id, 'driver');
    const password = 'Keys-Passw0rd-42!';
    await createUser('parent-admin@keys.test', parent.id, 'account_admin', password);
    const { api: parentAdmin } = await anonymous.login('parent-admin@keys.test', password);
    await eventually('the parent admin sees the grandchild user', async () => {
      expect((await parentAdmin.get(`/v1/users/${grandchildDriver.id}`)).status).toBe(200);
    });

    const filtered = await parentAdmin.get<{ items: User[] }>(`/v1/users?accountId=${parent.id}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.map((user) => user.email)).toEqual(
      expect.arrayContaining(['gc-driver@keys.test', 'parent-admin@keys.test']),
    );
    expect(filtered.body.items.map((user) => user.email)).not.toContain('other-driver@keys.test');

    const keyFor = (accountId: string) =>
      parentAdmin.post<{ apiKey: { id: string } }>('/v1/api-keys', {
        accountId,
        name: 'Grandchild partner',
        permissions: ['users.read'],
      });
    const created = await keyFor(grandchild.id);
    expect(created.status).toBe(201);
    expect((await keyFor(other.id)).status).toBe(403);
    const listed = await parentAdmin.get<{ items: { id: string }[] }>(
      `/v1/api-keys?accountId=${grandchild.id}`,
    );
    expect(listed.body.items.map((key) => key.id)).toEqual([created.body.apiKey.id]);
    expect((await parentAdmin.delete(`/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
  });
});
