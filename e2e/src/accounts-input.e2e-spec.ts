import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Api } from './api';
import {
  expectProblem,
  malformedBodies,
  malformedIds,
  schemaDigest,
  wrongBody,
  type BodyEndpoint,
} from './bad-input';
import { Stack } from './stack';

describe('accounts endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;
  let endpoints: BodyEndpoint[];
  let readPaths: string[];

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
      {
        method: 'PATCH',
        path: `${base}/drivers/${someone}`,
        fields: ['info1', 'vehicle', 'userGroupIds', 'prioritised', 'costCenterId'],
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
      for (const [body, contentType] of malformedBodies(endpoint.fields[0])) {
        const response = await admin.request(endpoint.method, endpoint.path, body, {
          'content-type': contentType,
        });
        expectProblem(response, `${endpoint.method} ${endpoint.path} (${contentType})`);
      }
    }
    expect(await schemaDigest(stack, 'accounts')).toEqual(before);
  });

  it('refuses malformed ids and queries', async () => {
    const before = await schemaDigest(stack, 'accounts');
    for (const path of readPaths) expectProblem(await admin.get(path), `GET ${path}`);
    expect(await schemaDigest(stack, 'accounts')).toEqual(before);
  });
});
