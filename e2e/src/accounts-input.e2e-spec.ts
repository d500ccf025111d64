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
import { apiDocument, expectDocumentedBoundsHold, type BoundedEndpoint } from './documented-bounds';
import { eventually, Stack } from './stack';

describe('accounts endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;
  let endpoints: BodyEndpoint[];
  let readPaths: string[];
  let deletePaths: string[];
  let bounded: BoundedEndpoint[];

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
    const account = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Probe Account',
      type: 'consumer',
    });
    expect(account.status).toBe(201);
    const base = `/v1/accounts/${account.body.id}`;
    const someone = randomUUID();
    // One of each item, so that item routes validate against things that exist.
    const created = async (path: string, body: unknown) => {
      const response = await admin.post<{ id: string }>(`${base}/${path}`, body);
      expect(response.status).toBe(201);
      return `${base}/${path}/${response.body.id}`;
    };
    const costCenter = await created('cost-centers', { name: 'Probe cost center' });
    const userGroup = await created('user-groups', { name: 'Probe group' });
    const card = await created('charging-cards', {
      uid: 'PROBE0001',
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Probe',
    });
    endpoints = [
      {
        method: 'POST',
        path: '/v1/accounts',
        fields: ['name', 'type', 'parentId', 'relation', 'company', 'billingAddress', 'contact'],
      },
      {
        method: 'PATCH',
        path: base,
        fields: ['name', 'reimbursementRateEurPerKwh', 'licence', 'parentId', 'featureFlags'],
      },
      { method: 'POST', path: `${base}/cost-centers`, fields: ['name'] },
      { method: 'POST', path: `${base}/user-groups`, fields: ['name', 'stationIds'] },
      {
        method: 'POST',
        path: `${base}/charging-cards`,
        fields: ['uid', 'type', 'contractId', 'issuer', 'whitelist', 'groupId'],
      },
      { method: 'PATCH', path: costCenter, fields: ['name'] },
      { method: 'PATCH', path: userGroup, fields: ['name', 'stationIds', 'stationGroupIds'] },
      {
        method: 'PATCH',
        path: card,
        fields: ['whitelist', 'visualNumber', 'groupId', 'assignedUserId', 'contractId'],
      },
      {
        method: 'PATCH',
        path: `${base}/drivers/${someone}`,
        fields: ['info1', 'vehicle', 'userGroupIds', 'prioritised', 'costCenterId'],
      },
    ];
    const unique = () => randomUUID().slice(0, 8);
    const business = {
      company: { legalName: 'Bound B.V.', registrationNumber: '12345678', vatNumber: 'NL1' },
      billingAddress: {
        line1: 'Laan 1',
        line2: 'Floor 2',
        postalCode: '1000 AA',
        city: 'Amsterdam',
        country: 'NL',
      },
      contact: { name: 'Ada', phone: '+31 20 123', email: 'ada@bound.test' },
    };
    const driver = await admin.post<{ id: string }>('/v1/users', {
      email: `driver-${unique()}@bound.test`,
      name: 'Bound Driver',
      memberships: [{ accountIds: [account.body.id], roles: ['driver'] }],
    });
    expect(driver.status).toBe(201);
    await eventually('accounts to know the driver and their membership', async () => {
      const rows = await stack.query(
        `SELECT 1 FROM accounts.user_directory d
           JOIN accounts.account_memberships m ON m.user_id = d.user_id AND NOT m.revoked
          WHERE d.user_id = $1`,
        [driver.body.id],
      );
      return rows.length === 1;
    });
    const cardFields = {
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Probe',
      groupId: 'G1',
    };
    // The plan is one of the installation's plans (ACCOUNT_PLANS), which no static document lists.
    const unprobed = ['plan'];
    bounded = [
      {
        method: 'POST',
        template: '/v1/accounts',
        path: '/v1/accounts',
        base: () => ({ name: `Bound ${unique()}`, type: 'business', ...business }),
        unprobed,
      },
      {
        method: 'PATCH',
        template: '/v1/accounts/{id}',
        path: base,
        base: () => ({ ...business, paymentReference: 'PAY-1' }),
        unprobed,
      },
      {
        method: 'POST',
        template: '/v1/accounts/{id}/cost-centers',
        path: `${base}/cost-centers`,
        base: () => ({ name: `Bound ${unique()}` }),
      },
      {
        method: 'PATCH',
        template: '/v1/accounts/{id}/cost-centers/{costCenterId}',
        path: costCenter,
        base: () => ({ name: `Bound ${unique()}` }),
      },
      {
        method: 'POST',
        template: '/v1/accounts/{id}/user-groups',
        path: `${base}/user-groups`,
        base: () => ({ name: `Bound ${unique()}`, stationIds: ['S1'], stationGroupIds: ['G1'] }),
      },
      {
        method: 'PATCH',
        template: '/v1/accounts/{id}/user-groups/{userGroupId}',
        path: userGroup,
        base: () => ({ name: `Bound ${unique()}`, stationIds: ['S1'], stationGroupIds: ['G1'] }),
      },
      {
        method: 'POST',
        template: '/v1/accounts/{id}/charging-cards',
        path: `${base}/charging-cards`,
        base: () => ({ uid: `BOUND${unique()}`, visualNumber: 'V1', ...cardFields }),
      },
      {
        method: 'PATCH',
        template: '/v1/accounts/{id}/charging-cards/{cardId}',
        path: card,
        base: () => ({ visualNumber: 'V1', ...cardFields }),
      },
      {
        method: 'PATCH',
        template: '/v1/accounts/{id}/drivers/{userId}',
        path: `${base}/drivers/${driver.body.id}`,
        base: () => ({
          newCostCenterName: `Bound ${unique()}`,
          info1: 'I1',
          info2: 'I2',
          vehicle: { make: 'Kia', model: 'EV6', licencePlate: 'AB-123-C' },
        }),
      },
    ];
    readPaths = [
      ...malformedIds.map((id) => `/v1/accounts/${encodeURIComponent(id)}`),
      ...malformedIds.map((id) => `${base}/charging-cards/${encodeURIComponent(id)}`),
      ...malformedIds.map((id) => `${base}/drivers/${encodeURIComponent(id)}`),
      '/v1/accounts?limit=abc',
      '/v1/accounts?limit=100000',
      '/v1/accounts?parentId=nope',
      '/v1/accounts?cursor=%%%',
      '/v1/accounts?unknown=1',
      `/v1/accounts?q=${'x'.repeat(5000)}`,
      `${base}/drivers?tab=everyone`,
      `${base}/drivers?cursor=%%%`,
      `${base}/charging-cards?limit=0`,
      `${base}/cost-centers?unknown=1`,
      `${base}/user-groups?limit=-5`,
    ];
    deletePaths = [
      ...malformedIds.map((id) => `${base}/cost-centers/${encodeURIComponent(id)}`),
      ...malformedIds.map((id) => `${base}/user-groups/${encodeURIComponent(id)}`),
      ...malformedIds.map((id) => `${base}/charging-cards/${encodeURIComponent(id)}`),
      `${base}/cost-centers/${someone}`,
      `${base}/charging-cards/${someone}`,
    ];
  }, 180_000);
  afterAll(() => stack?.stop());

  it('refuses wrongly typed, shapeless, malformed and oversized bodies on every endpoint', async () => {
    const before = await schemaDigest(stack, 'accounts');
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(wrongBody(endpoint.fields), async (body) => {
          const response = await admin.request(
            endpoint.method,
            endpoint.path,
            JSON.stringify(body),
          );
          expectProblem(response, `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)}`);
        }),
        { numRuns: 30 },
      );
      for (const [body, contentType] of malformedBodies) {
        const response = await admin.request(endpoint.method, endpoint.path, body, {
          'content-type': contentType,
        });
        expectProblem(response, `${endpoint.method} ${endpoint.path} (${contentType})`);
      }
      expectProblem(
        await admin.requestDeclaringBody(endpoint.method, endpoint.path, OVERSIZED_BODY_BYTES),
        `${endpoint.method} ${endpoint.path} (oversized)`,
      );
    }
    expect(await schemaDigest(stack, 'accounts')).toEqual(before);
  });

  it('takes every documented bound and refuses one step past it, naming the field', async () => {
    const document = await apiDocument(stack);
    for (const endpoint of bounded) await expectDocumentedBoundsHold(admin, document, endpoint);
  });

  it('refuses malformed ids and queries, and deletes nothing it was not asked to', async () => {
    const before = await schemaDigest(stack, 'accounts');
    for (const path of readPaths) expectProblem(await admin.get(path), `GET ${path}`);
    for (const path of deletePaths) expectProblem(await admin.delete(path), `DELETE ${path}`);
    expect(await schemaDigest(stack, 'accounts')).toEqual(before);
  });
});
