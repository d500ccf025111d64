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

  it("shows a parent account's admin the users of its sub-accounts, not of other accounts", async () => {
    const createAccount = async (body: Record<string, unknown>) => {
      const response = await admin.post<Account>('/v1/accounts', body);
      expect(response.status).toBe(201);
      return response.body;
    };
    const parent = await createAccount({ name: 'Lineage Parent', type: 'business', ...company });
    const sub = await createAccount({
      name: 'Lineage Employee',
      type: 'consumer',
      parentId: parent.id,
      relation: 'employee',
    });
    const other = await createAccount({ name: 'Lineage Other', type: 'consumer' });

    const createUser = async (
      email: string,
      accountId: string,
      role: string,
      password?: string,
    ) => {
      const response = await admin.post<User>('/v1/users', {
        email,
        name: email.split('@')[0],
        password,
        memberships: [{ accountIds: [accountId], roles: [role] }],
      });
      expect(response.status).toBe(201);
      return response.body;
    };
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
});
