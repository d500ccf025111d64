import { randomUUID } from 'node:crypto';
import { identity } from '@onramp/contracts';
import { Api } from './api';
import {
  documentedOperations,
  pathOf,
  schemaDigest,
  templateMatches,
  TEXT_WITH_NUL,
  type DocumentedOperation,
} from './bad-input';
import { awaitEvent } from './events';
import { Stack } from './stack';

const SCHEMAS = ['identity', 'accounts', 'invitations', 'notifications', 'import'];
const NUL_VIOLATION = 'must not contain NUL (U+0000) or an unpaired UTF-16 surrogate';

/** A request of an operation with NUL in one place of it, and the field the refusal must name. */
interface Probe {
  method: string;
  path: string;
  body?: unknown;
  field: string;
}

const someId = (): string => randomUUID();

/** One probe per place an operation takes text: a path parameter, the query, the JSON body. */
function probesOf(operation: DocumentedOperation): Probe[] {
  const { method, pathParameters, queryParameters, bodyFields } = operation;
  const path = pathOf(operation.path, someId);
  const probes: Probe[] = [];
  const [parameter] = pathParameters;
  if (parameter !== undefined) {
    const withNul = pathOf(operation.path, (name) =>
      name === parameter ? TEXT_WITH_NUL : someId(),
    );
    probes.push({ method, path: withNul, field: parameter, ...(bodyFields && { body: {} }) });
  }
  const query = queryParameters.includes('q') ? 'q' : queryParameters[0];
  if (query !== undefined) {
    probes.push({
      method,
      path: `${path}?${query}=${encodeURIComponent(TEXT_WITH_NUL)}`,
      field: query,
    });
  }
  if (bodyFields !== undefined) {
    const field = bodyFields[0] ?? 'text';
    probes.push({ method, path, body: { [field]: TEXT_WITH_NUL }, field });
  }
  return probes;
}

async function digests(stack: Stack): Promise<Record<string, Record<string, string>>> {
  const all: Record<string, Record<string, string>> = {};
  for (const schema of SCHEMAS) all[schema] = await schemaDigest(stack, schema);
  return all;
}

describe("the gateway's HTTP boundary", () => {
  let stack: Stack;
  let admin: Api;
  let adminToken: string;
  let anonymous: Api;
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    stack = await Stack.start();
    const signedIn = await Api.of(stack).loginAsAdmin();
    admin = signedIn.api;
    adminToken = signedIn.tokens.accessToken;
    anonymous = Api.of(stack);
    operations = await documentedOperations(stack.gatewayUrl);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('refuses NUL in any text of every documented operation with 400, with or without credentials, changing nothing', async () => {
    const probes = operations.flatMap(probesOf);
    // The document was read: some 90 places take text.
    expect(probes.length).toBeGreaterThan(80);
    const before = await digests(stack);
    const mismatches: unknown[] = [];
    for (const probe of probes) {
      for (const [who, client] of [
        ['admin', admin],
        ['anonymous', anonymous],
      ] as const) {
        const response = await client.request(probe.method, probe.path, probe.body);
        const answer = {
          status: response.status,
          contentType: response.headers.get('content-type'),
          code: response.body.code,
          violations: response.body.violations,
        };
        const expected = {
          status: 400,
          contentType: 'application/problem+json; charset=utf-8',
          code: 'validation_failed',
          violations: [{ field: probe.field, message: NUL_VIOLATION }],
        };
        if (JSON.stringify(answer) !== JSON.stringify(expected)) {
          mismatches.push({
            who,
            request: `${probe.method} ${probe.path}`,
            body: probe.body,
            answer,
          });
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(await digests(stack)).toEqual(before);
  });

  it('refuses a password reset for an email with NUL, so no event is ever made of it', async () => {
    const refused = await anonymous.post('/v1/auth/password-reset', {
      email: 'nul\u0000@cpo.test',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.violations).toEqual([{ field: 'email', message: NUL_VIOLATION }]);
    // A reset asked for afterwards is published; nothing before it in the stream came from the refused one.
    expect(
      (await anonymous.post('/v1/auth/password-reset', { email: 'later@cpo.test' })).status,
    ).toBe(202);
    const published = new Set<string>();
    await awaitEvent(
      stack.infrastructure.natsUrl,
      identity.PasswordResetRequestedSchema,
      (event) => {
        published.add(event.email);
        return event.email === 'later@cpo.test';
      },
    );
    expect([...published].filter((email) => email.includes('nul'))).toEqual([]);
  });

  it('answers a method a documented path lacks with 405 and Allow: the methods documented for it', async () => {
    const templates = [...new Set(operations.map((operation) => operation.path))];
    const mismatches: unknown[] = [];
    for (const template of templates) {
      const path = pathOf(template, someId);
      // Every documented template the router matches to this path serves it (`{id}` also `lookup`).
      const documented = new Set(
        operations
          .filter((operation) => templateMatches(operation.path, path))
          .map((operation) => operation.method),
      );
      if (documented.has('GET')) documented.add('HEAD');
      const allow = [...documented].sort().join(', ');
      const lacking = ['PUT', 'DELETE', 'PATCH', 'POST', 'GET'].find(
        (method) => !documented.has(method),
      );
      if (lacking === undefined) continue;
      const response = await admin.request(lacking, path);
      const answer = {
        status: response.status,
        allow: response.headers.get('allow'),
        contentType: response.headers.get('content-type'),
        code: response.body.code,
      };
      const expected = {
        status: 405,
        allow,
        contentType: 'application/problem+json; charset=utf-8',
        code: 'method_not_allowed',
      };
      if (JSON.stringify(answer) !== JSON.stringify(expected)) {
        mismatches.push({ request: `${lacking} ${path}`, answer, expected });
      }
    }
    expect(mismatches).toEqual([]);
    expect(templates.length).toBeGreaterThan(40);
    expect((await admin.request('PUT', '/v1/roles')).headers.get('allow')).toBe('GET, HEAD');
    expect((await admin.request('DELETE', '/v1/me')).headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect((await admin.request('PUT', '/v1/no-such-resource')).status).toBe(404);
  });

  it('answers everything unsniffed, unframed and cached only where it holds no account data', async () => {
    const apiPolicy = "default-src 'none';frame-ancestors 'none'";
    const pagePolicy =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    const protectionOf = async (path: string, client: Api = anonymous, method = 'GET') => {
      const response = await fetch(`${stack.gatewayUrl}${path}`, {
        method,
        headers: client === admin ? { authorization: `Bearer ${adminToken}` } : {},
      });
      await response.arrayBuffer();
      const header = (name: string) => response.headers.get(name);
      return [
        response.status,
        header('x-content-type-options'),
        header('x-frame-options'),
        header('cache-control'),
        header('content-security-policy'),
      ];
    };
    const api = (status: number) => [status, 'nosniff', 'DENY', 'no-store', apiPolicy];
    expect(await protectionOf('/v1/me', admin)).toEqual(api(200));
    expect(await protectionOf('/v1/me')).toEqual(api(401));
    expect(await protectionOf(`/v1/users/${someId()}`, admin)).toEqual(api(404));
    expect(await protectionOf('/v1/no-such-resource')).toEqual(api(404));
    expect(await protectionOf('/v1/users?limit=abc', admin)).toEqual(api(400));
    expect(await protectionOf('/v1/roles', admin, 'PUT')).toEqual(api(405));
    expect(await protectionOf('/health/ready')).toEqual(api(200));
    expect(await protectionOf('/docs/openapi.json')).toEqual([
      200,
      'nosniff',
      'DENY',
      'public, max-age=300',
      apiPolicy,
    ]);
    const [status, ...docs] = await protectionOf('/docs');
    expect([status, ...docs.slice(0, 3)]).toEqual([200, 'nosniff', 'DENY', 'public, max-age=300']);
    expect(docs[3]).toContain("frame-ancestors 'none';");
    expect(await protectionOf(`/invite/${'x'.repeat(43)}`)).toEqual([
      410,
      'nosniff',
      'DENY',
      'no-store',
      pagePolicy,
    ]);
    expect(await protectionOf(`/reset-password?token=${'x'.repeat(43)}`)).toEqual([
      200,
      'nosniff',
      'DENY',
      'no-store',
      pagePolicy,
    ]);
  });
});
