import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Api } from './api';
import { Stack } from './stack';

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** Field names of the real body, so generated bodies hit the right keys with wrong values. */
  fields: string[];
}

const someone = randomUUID();
const endpoints: Endpoint[] = [
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
const bodyless: Endpoint[] = [
  { method: 'GET', path: '/v1/users', fields: [] },
  { method: 'GET', path: '/v1/api-keys', fields: [] },
  { method: 'GET', path: '/v1/users/{id}', fields: [] },
  { method: 'DELETE', path: '/v1/users/{id}', fields: [] },
  { method: 'DELETE', path: '/v1/api-keys/{id}', fields: [] },
  { method: 'DELETE', path: `/v1/users/${someone}/memberships/{id}`, fields: [] },
];

/** Bodies of the right shape with values of the wrong type, and bodies of no shape at all. */
const wrongBody = (fields: string[]) =>
  fc.oneof(
    fc.anything(),
    fields.length === 0
      ? fc.dictionary(fc.string({ minLength: 1 }), fc.anything(), { minKeys: 1 })
      : fc.record(Object.fromEntries(fields.map((field) => [field, fc.anything()]))),
    fc.constantFrom(
      [],
      'text',
      42,
      null,
      { unexpected: true },
      Object.fromEntries(fields.map((field) => [field, { nested: [1, 2] }])),
      Object.fromEntries(fields.map((field) => [field, 'x'.repeat(100_000)])),
    ),
  );

describe('identity endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;

  /** A digest of every identity table that a refused request must leave alone. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await stack.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'identity'
         AND table_name !~ '(outbox|processed_messages|login|_prisma_migrations)'`,
    );
    const digest: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      const [row] = await stack.query<{ digest: string | null }>(
        `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM identity."${table}" t`,
      );
      digest[table] = row?.digest ?? 'empty';
    }
    return digest;
  }

  function expectProblem(response: { status: number; headers: Headers }, context: string): void {
    if (response.status < 400 || response.status >= 500) {
      throw new Error(`${context} answered ${response.status}`);
    }
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  }

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it.each(endpoints)('$method $path: wrongly typed and shapeless bodies', async (endpoint) => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(wrongBody(endpoint.fields), async (body) => {
        const response = await admin.request(endpoint.method, endpoint.path, JSON.stringify(body));
        expectProblem(response, `${endpoint.method} ${endpoint.path} ${JSON.stringify(body)}`);
      }),
      { numRuns: 30 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each(endpoints)('$method $path: malformed and oversized bodies', async (endpoint) => {
    const before = await snapshot();
    for (const [body, contentType] of [
      ['{"email": ', 'application/json'],
      ['not json at all', 'application/json'],
      [
        `{"${endpoint.fields[0] ?? 'field'}": "${'x'.repeat(2 * 1024 * 1024)}"}`,
        'application/json',
      ],
      ['email=a@b.c', 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await admin.request(endpoint.method, endpoint.path, body, {
        'content-type': contentType,
      });
      expectProblem(response, `${endpoint.method} ${endpoint.path} (${contentType})`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(bodyless)('$method $path: malformed ids and queries', async (endpoint) => {
    const before = await snapshot();
    const paths = endpoint.path.includes('{id}')
      ? ['not-a-uuid', '1', "x' OR 1=1 --", 'ÿ'.repeat(300)].map((id) =>
          endpoint.path.replace('{id}', encodeURIComponent(id)),
        )
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
    expect(await snapshot()).toEqual(before);
  });
});
