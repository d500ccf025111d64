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
import { Stack } from './stack';

interface BodylessEndpoint {
  method: 'GET' | 'DELETE';
  path: string;
}

const someone = randomUUID();
const endpoints: BodyEndpoint[] = [
  { method: 'POST', path: '/v1/auth/login', fields: ['email', 'password'] },
  { method: 'POST', path: '/v1/auth/refresh', fields: ['refreshToken'] },
  { method: 'POST', path: '/v1/auth/password-reset', fields: ['email'] },
  { method: 'POST', path: '/v1/auth/password-reset/confirm', fields: ['token', 'newPassword'] },
  {
    method: 'POST',
    path: '/v1/users',
    fields: ['email', 'name', 'language', 'password', 'memberships'],
  },
  { method: 'PATCH', path: `/v1/users/${someone}`, fields: ['name', 'email', 'language'] },
  { method: 'POST', path: `/v1/users/${someone}/deactivate`, fields: [] },
  { method: 'POST', path: `/v1/users/${someone}/reactivate`, fields: [] },
  { method: 'POST', path: `/v1/users/${someone}/security-report`, fields: [] },
  {
    method: 'POST',
    path: `/v1/users/${someone}/memberships`,
    fields: ['platform', 'accountIds', 'roles', 'additionalPermissions'],
  },
  {
    method: 'PATCH',
    path: `/v1/users/${someone}/memberships/${randomUUID()}`,
    fields: ['platform', 'accountIds', 'roles', 'additionalPermissions'],
  },
  { method: 'POST', path: '/v1/api-keys', fields: ['accountId', 'name', 'permissions'] },
];
const bodyless: BodylessEndpoint[] = [
  { method: 'GET', path: '/v1/users' },
  { method: 'GET', path: '/v1/api-keys' },
  { method: 'GET', path: '/v1/users/{id}' },
  { method: 'DELETE', path: '/v1/users/{id}' },
  { method: 'DELETE', path: '/v1/api-keys/{id}' },
  { method: 'DELETE', path: `/v1/users/${someone}/memberships/{id}` },
];

describe('identity endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it.each(endpoints)('$method $path: wrongly typed and shapeless bodies', async (endpoint) => {
    const before = await schemaDigest(stack, 'identity');
    await fc.assert(
      fc.asyncProperty(wrongBody(endpoint.fields), async (body) => {
        const response = await admin.request(endpoint.method, endpoint.path, JSON.stringify(body));
        expectProblem(response, `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)}`);
      }),
      { numRuns: 30 },
    );
    expect(await schemaDigest(stack, 'identity')).toEqual(before);
  });

  it.each(endpoints)('$method $path: malformed and oversized bodies', async (endpoint) => {
    const before = await schemaDigest(stack, 'identity');
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
    expect(await schemaDigest(stack, 'identity')).toEqual(before);
  });

  it('takes every documented bound and refuses one step past it, naming the field', async () => {
    const document = await apiDocument(stack);
    const unique = () => randomUUID().slice(0, 8);
    const user = await admin.post<{ id: string }>('/v1/users', {
      email: `bound-${unique()}@bound.test`,
      name: 'Bound',
    });
    expect(user.status).toBe(201);
    const bounded: BoundedEndpoint[] = [
      {
        method: 'POST',
        template: '/v1/auth/login',
        path: '/v1/auth/login',
        base: () => ({ email: 'nobody@bound.test', password: 'not-the-password' }),
      },
      {
        method: 'POST',
        template: '/v1/auth/refresh',
        path: '/v1/auth/refresh',
        base: () => ({ refreshToken: 'not-a-refresh-token' }),
      },
      {
        method: 'POST',
        template: '/v1/auth/password-reset',
        path: '/v1/auth/password-reset',
        base: () => ({ email: 'nobody@bound.test' }),
      },
      {
        method: 'POST',
        template: '/v1/auth/password-reset/confirm',
        path: '/v1/auth/password-reset/confirm',
        base: () => ({ token: 'not-a-reset-token', newPassword: 'Plug-and-Charge-42!' }),
      },
      {
        method: 'POST',
        template: '/v1/users',
        path: '/v1/users',
        base: () => ({ email: `bound-${unique()}@bound.test`, name: 'Bound' }),
      },
      {
        method: 'PATCH',
        template: '/v1/users/{id}',
        path: `/v1/users/${user.body.id}`,
        base: () => ({ name: 'Bound' }),
      },
      { method: 'PATCH', template: '/v1/me', path: '/v1/me', base: () => ({ name: 'Admin' }) },
    ];
    for (const endpoint of bounded) await expectDocumentedBoundsHold(admin, document, endpoint);
  });

  it.each(bodyless)('$method $path: malformed ids and queries', async (endpoint) => {
    const before = await schemaDigest(stack, 'identity');
    const paths = endpoint.path.includes('{id}')
      ? malformedIds.map((id) => endpoint.path.replace('{id}', encodeURIComponent(id)))
      : [
          `${endpoint.path}?limit=abc`,
          `${endpoint.path}?limit=-1`,
          `${endpoint.path}?limit=100000`,
          `${endpoint.path}?status=sleeping`,
          `${endpoint.path}?cursor=%%%`,
          `${endpoint.path}?accountId=nope`,
          `${endpoint.path}?unknown=1`,
          `${endpoint.path}?q=${'x'.repeat(5000)}`,
        ];
    for (const path of paths) {
      expectProblem(await admin.request(endpoint.method, path), `${endpoint.method} ${path}`);
    }
    expect(await schemaDigest(stack, 'identity')).toEqual(before);
  });
});
