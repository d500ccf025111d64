import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { eventually, Stack } from './stack';

interface User {
  id: string;
  email: string;
  memberships: { id: string; roles: string[]; accountIds: string[] }[];
}

const company = {
  company: { legalName: 'Membership Holding B.V.', vatNumber: 'NL123456789B01' },
  billingAddress: {
    line1: 'Stationsplein 3',
    postalCode: '1012 AB',
    city: 'Amsterdam',
    country: 'NL',
  },
};
const password = 'Member-Passw0rd-42!';
const CORRELATION_ID = 'membership-probe';

describe('memberships through the gateway: granted only to users the granter manages', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;
  let adminId: string;
  let accountA: string;
  let subAccountA: string;
  let adminA: Api;
  let keyA: Api;
  /** Customer A's admin's access token and A's API key, as a partner would send them. */
  const credentialsOfA: string[] = [];
  let adminB: User;
  let driverA: User;

  const createUser = async (email: string, accountId: string, role: string) => {
    const response = await admin.post<User>('/v1/users', {
      email,
      name: email.split('@')[0],
      password,
      memberships: [{ accountIds: [accountId], roles: [role] }],
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const createAccount = async (body: Record<string, unknown>) => {
    const response = await admin.post<{ id: string }>('/v1/accounts', body);
    expect(response.status).toBe(201);
    return response.body.id;
  };

  /** The raw answer to a grant, with the target's id (it appears in `instance`) masked. */
  const rawGrant = async (credential: string, userId: string) => {
    const response = await fetch(`${stack.gatewayUrl}/v1/users/${userId}/memberships`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${credential}`,
        'content-type': 'application/json',
        'x-correlation-id': CORRELATION_ID,
      },
      body: JSON.stringify({ accountIds: [accountA], roles: ['driver'] }),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.text()).replaceAll(userId, '{id}'),
    };
  };

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    anonymous = Api.of(stack);
    const login = await anonymous.loginAsAdmin();
    admin = login.api;
    adminId = (await admin.get<{ user: User }>('/v1/me')).body.user.id;
    accountA = await createAccount({ name: 'Customer A', type: 'business', ...company });
    subAccountA = await createAccount({
      name: 'Customer A Employee',
      type: 'consumer',
      parentId: accountA,
      relation: 'employee',
    });
    const accountB = await createAccount({ name: 'Customer B', type: 'business', ...company });
    await createUser('admin-a@customer-a.test', accountA, 'account_admin');
    adminB = await createUser('admin-b@customer-b.test', accountB, 'account_admin');
    driverA = await createUser('driver-a@customer-a.test', accountA, 'driver');
    const adminALogin = await anonymous.login('admin-a@customer-a.test', password);
    adminA = adminALogin.api;
    const key = await adminA.post<{ secret: string }>('/v1/api-keys', {
      accountId: accountA,
      name: 'Customer A partner',
      permissions: ['users.read', 'memberships.manage', 'sessions.read_own'],
    });
    expect(key.status).toBe(201);
    keyA = anonymous.as(key.body.secret);
    credentialsOfA.push(adminALogin.tokens.accessToken, key.body.secret);
  }, 180_000);
  afterAll(() => stack?.stop());

  it("cannot pull another customer's admin or the platform admin into an account: they do not exist", async () => {
    for (const credential of credentialsOfA) {
      const unknown = await rawGrant(credential, randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.contentType).toContain('application/problem+json');
      expect(JSON.parse(unknown.body)).toMatchObject({ status: 404, detail: 'no such user' });
      for (const target of [adminB.id, adminId]) {
        expect(await rawGrant(credential, target)).toEqual(unknown);
        expect((await anonymous.as(credential).get(`/v1/users/${target}`)).status).toBe(404);
      }
    }
    const [b, platform] = await Promise.all([
      admin.get<User>(`/v1/users/${adminB.id}`),
      admin.get<User>(`/v1/users/${adminId}`),
    ]);
    expect(b.body.memberships.map((membership) => membership.roles)).toEqual([['account_admin']]);
    expect(platform.body.memberships.map((membership) => membership.roles)).toEqual([
      ['platform_admin'],
    ]);
  });

  it('grants a sub-account role to a user already in the customer’s accounts', async () => {
    // Identity learns the tree from accounts' events, a moment after the accounts exist.
    await eventually('the sub-account role is granted', async () => {
      const granted = await adminA.post(`/v1/users/${driverA.id}/memberships`, {
        accountIds: [subAccountA],
        roles: ['billing_admin'],
      });
      expect(granted.status).toBe(201);
    });
    const byKey = await keyA.post(`/v1/users/${driverA.id}/memberships`, {
      accountIds: [accountA],
      roles: ['no_role'],
    });
    expect(byKey.status).toBe(201);
    const { body } = await adminA.get<User>(`/v1/users/${driverA.id}`);
    expect(body.memberships.map((membership) => membership.roles).sort()).toEqual([
      ['billing_admin'],
      ['driver'],
      ['no_role'],
    ]);
  });

  it('revokes a membership once: concurrent deletes of it answer one 204 and 404s', async () => {
    const granted = await adminA.post<{ id: string }>(`/v1/users/${driverA.id}/memberships`, {
      accountIds: [accountA],
      roles: ['api_developer'],
    });
    expect(granted.status).toBe(201);
    const path = `/v1/users/${driverA.id}/memberships/${granted.body.id}`;
    const answers = await Promise.all([0, 1, 2, 3, 4, 5].map(() => adminA.delete(path)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404, 404, 404, 404, 404]);
    for (const answer of answers.filter(({ status }) => status === 404)) {
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const { body } = await adminA.get<User>(`/v1/users/${driverA.id}`);
    expect(body.memberships.map((membership) => membership.id)).not.toContain(granted.body.id);
  });
});
