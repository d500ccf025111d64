import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Api } from './api';
import {
  expectProblem,
  malformedBodies,
  OVERSIZED_BODY_BYTES,
  malformedIds,
  schemaDigest,
  wrongBody,
  type BodyEndpoint,
} from './bad-input';
import {
  apiDocument,
  expectBodylessRequestsAsDocumented,
  expectDocumentedBoundsHold,
  type BoundedEndpoint,
} from './documented-bounds';
import { InvitationFlows } from './invitation-flows';
import { eventually, Stack } from './stack';

describe('invitation endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;
  let anonymous: Api;
  let accountId: string;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
    const flows = new InvitationFlows(stack, admin);
    accountId = (await flows.createAccount({ name: 'Input Checks', type: 'consumer' })).id;
    const { id } = await flows.invite({ kind: 'account', email: 'input@checks.test', accountId });
    // Its email's outcome changes the invitation once more; let that happen before comparing.
    await eventually(
      'the email is sent',
      async () => (await flows.get(id)).body.emailStatus.status === 'sent',
    );
  }, 180_000);
  afterAll(() => stack?.stop());

  const endpoints = (): (BodyEndpoint & { as: 'admin' | 'anonymous' })[] => [
    {
      as: 'admin',
      method: 'POST',
      path: '/v1/invitations',
      fields: ['kind', 'email', 'accountId', 'roles', 'personalMessage', 'sendEmail'],
    },
    {
      as: 'anonymous',
      method: 'POST',
      path: '/v1/invitations/accept',
      fields: ['token', 'name', 'password', 'company'],
    },
    {
      as: 'admin',
      method: 'PUT',
      path: `/v1/accounts/${accountId}/registration-settings`,
      fields: ['enabled', 'rotateCode'],
      booleans: ['enabled', 'rotateCode'],
    },
    {
      as: 'anonymous',
      method: 'POST',
      path: '/v1/registrations',
      fields: ['registrationCode', 'email', 'name', 'password', 'language'],
    },
  ];

  it('refuses wrongly typed, shapeless and malformed bodies', async () => {
    const before = await schemaDigest(stack, 'invitations');
    for (const endpoint of endpoints()) {
      const client = endpoint.as === 'admin' ? admin : anonymous;
      await fc.assert(
        fc.asyncProperty(wrongBody(endpoint.fields, endpoint.booleans), async (body) => {
          const response = await client.request(
            endpoint.method,
            endpoint.path,
            JSON.stringify(body),
          );
          expectProblem(response, `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)}`);
        }),
        { numRuns: 25 },
      );
      for (const [body, contentType] of malformedBodies) {
        const response = await client.request(endpoint.method, endpoint.path, body, {
          'content-type': contentType,
        });
        expectProblem(response, `${endpoint.method} ${endpoint.path} (${contentType})`);
      }
      expectProblem(
        await client.requestDeclaringBody(endpoint.method, endpoint.path, OVERSIZED_BODY_BYTES),
        `${endpoint.method} ${endpoint.path} (oversized)`,
      );
    }
    expect(await schemaDigest(stack, 'invitations')).toEqual(before);
  });

  it('refuses invitations that break the kinds’ rules, naming the field', async () => {
    const before = await schemaDigest(stack, 'invitations');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'system_user', email: 'x@y.test', roles: [] }, 'roles'],
      [{ kind: 'system_user', email: 'x@y.test', roles: ['driver'] }, 'roles'],
      [{ kind: 'account', email: 'not-an-email', accountId }, 'email'],
      [
        { kind: 'account', email: 'x@y.test', accountId, personalMessage: 'x'.repeat(1001) },
        'personalMessage',
      ],
      [
        {
          kind: 'end_user',
          email: 'x@y.test',
          accountId,
          accountName: 'E',
          role: 'driver',
          accountType: 'consumer',
          reimbursementRateEurPerKwh: '11',
        },
        'reimbursementRateEurPerKwh',
      ],
      [{ kind: 'admin', email: 'x@y.test', accountId, level: 'galaxy' }, 'level'],
      [{ kind: 'account_user', email: 'x@y.test', accountIds: [], role: 'driver' }, 'accountIds'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post('/v1/invitations', body);
      expectProblem(response, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    expect(await schemaDigest(stack, 'invitations')).toEqual(before);
  });

  it('takes every documented bound and refuses one step past it, naming the field', async () => {
    const document = await apiDocument(stack);
    const unique = () => randomUUID().slice(0, 8);
    const settings = await admin.request<{ registrationCode: string }>(
      'PUT',
      `/v1/accounts/${accountId}/registration-settings`,
      { enabled: true },
    );
    expect(settings.status).toBe(200);
    const invitee = { email: `bound-${unique()}@checks.test`, sendEmail: false };
    const bounded: BoundedEndpoint[] = [
      {
        method: 'POST',
        template: '/v1/invitations',
        path: '/v1/invitations',
        base: () => ({
          ...invitee,
          kind: 'account',
          accountId,
          name: 'Bound',
          personalMessage: 'Welcome',
        }),
      },
      {
        method: 'POST',
        template: '/v1/invitations',
        path: '/v1/invitations',
        base: () => ({
          ...invitee,
          kind: 'end_user',
          accountId,
          accountName: `Bound ${unique()}`,
          role: 'driver',
          accountType: 'consumer',
        }),
      },
      {
        method: 'POST',
        template: '/v1/accounts/{id}/sub-accounts',
        path: `/v1/accounts/${accountId}/sub-accounts`,
        base: () => ({
          ...invitee,
          relation: 'employee',
          accountName: `Bound ${unique()}`,
          accountType: 'consumer',
        }),
      },
      {
        method: 'POST',
        template: '/v1/accounts/{id}/joining-codes',
        path: `/v1/accounts/${accountId}/joining-codes`,
        base: () => ({ role: 'driver', maxUses: 5, validDays: 10 }),
      },
      {
        method: 'POST',
        template: '/v1/registrations',
        path: '/v1/registrations',
        base: () => ({
          registrationCode: settings.body.registrationCode,
          email: `bound-${unique()}@checks.test`,
          name: 'Bound',
          password: 'Plug-and-Charge-42!',
        }),
      },
    ];
    for (const endpoint of bounded) await expectDocumentedBoundsHold(admin, document, endpoint);
  });

  it('refuses a request without a body exactly where the document marks the body required', async () => {
    await expectBodylessRequestsAsDocumented(admin, await apiDocument(stack));
  });

  it('refuses malformed ids, queries, tokens and codes', async () => {
    const before = await schemaDigest(stack, 'invitations');
    for (const id of malformedIds) {
      const encoded = encodeURIComponent(id);
      expectProblem(await admin.get(`/v1/invitations/${encoded}`), `GET invitation ${id}`);
      expectProblem(await admin.post(`/v1/invitations/${encoded}/revoke`), `revoke ${id}`);
      expectProblem(await admin.post(`/v1/joining-codes/${encoded}/rotate`), `rotate ${id}`);
      expectProblem(await admin.post(`/v1/registrations/${encoded}/approve`), `approve ${id}`);
    }
    for (const path of [
      '/v1/invitations?status=lost',
      '/v1/invitations?kind=alien',
      '/v1/invitations?accountId=nope',
      '/v1/invitations?limit=100000',
      '/v1/invitations?cursor=%%%',
      `/v1/invitations?q=${'x'.repeat(5000)}`,
      '/v1/invitations?unknown=1',
      '/v1/registrations?status=maybe',
      '/v1/invitations/lookup',
      '/v1/invitations/lookup?token=short',
    ])
      expectProblem(await admin.get(path), `GET ${path}`);
    for (const code of ['', 'x'.repeat(500), '<script>']) {
      expectProblem(await admin.post('/v1/joining-codes/redeem', { code }), `redeem ${code}`);
    }
    // A wrong code counts as a guess (rate_limits), and changes nothing else.
    const { rate_limits: _before, ...domainBefore } = before;
    const { rate_limits: _after, ...domainAfter } = await schemaDigest(stack, 'invitations');
    expect(domainAfter).toEqual(domainBefore);
  });
});
