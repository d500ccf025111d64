import fc from 'fast-check';
import { Api } from './api';
import {
  expectProblem,
  malformedBodies,
  OVERSIZED_BODY_BYTES,
  schemaDigest,
  wrongBody,
  type BodyEndpoint,
} from './bad-input';
import { apiDocument, expectDocumentedBoundsHold, type BoundedEndpoint } from './documented-bounds';
import { Stack } from './stack';

const endpoints: BodyEndpoint[] = [
  {
    method: 'PUT',
    path: '/v1/settings/email-provider',
    fields: ['provider', 'smtpUrl', 'postmarkServerToken', 'from', 'messageStream'],
  },
  { method: 'PUT', path: '/v1/templates/password-reset/en', fields: ['subject', 'html', 'text'] },
];
// Preview takes an optional body (none, or null, previews the stored template) and stores nothing.
const preview = '/v1/templates/password-reset/en/preview';

const readPaths = [
  '/v1/notifications/deliveries?status=lost',
  '/v1/notifications/deliveries?limit=abc',
  '/v1/notifications/deliveries?limit=100000',
  '/v1/notifications/deliveries?cursor=%%%',
  '/v1/notifications/deliveries?unknown=1',
  `/v1/notifications/deliveries?to=${'x'.repeat(5000)}`,
  '/v1/templates?unknown=1',
];

describe('notifications endpoints refuse bad input with 4xx problem+json and change nothing', () => {
  let stack: Stack;
  let admin: Api;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'notifications', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('refuses wrongly typed, shapeless, malformed and oversized bodies', async () => {
    const before = await schemaDigest(stack, 'notifications');
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
    expect(await schemaDigest(stack, 'notifications')).toEqual(before);
  });

  it('takes every documented bound and refuses one step past it, naming the field', async () => {
    const document = await apiDocument(stack);
    const bounded: BoundedEndpoint[] = [
      {
        method: 'PUT',
        template: '/v1/settings/email-provider',
        path: '/v1/settings/email-provider',
        base: () => ({
          provider: 'postmark',
          postmarkServerToken: 'server-token',
          from: 'Onramp <no-reply@onramp.test>',
          messageStream: 'outbound',
        }),
        // An address or "Name <address>", as its description says: no text of one letter is.
        unprobed: ['from'],
      },
      {
        method: 'PUT',
        template: '/v1/templates/{key}/{lang}',
        path: '/v1/templates/password-reset/en',
        base: () => ({ subject: 'Reset', html: '<p>{{resetUrl}}</p>', text: '{{resetUrl}}' }),
      },
    ];
    for (const endpoint of bounded) await expectDocumentedBoundsHold(admin, document, endpoint);
  });

  it('refuses malformed queries and previews, unknown templates and oversized form posts to the reset page', async () => {
    const before = await schemaDigest(stack, 'notifications');
    for (const path of readPaths) expectProblem(await admin.get(path), `GET ${path}`);
    for (const [body, contentType] of malformedBodies) {
      const response = await admin.request('POST', preview, body, { 'content-type': contentType });
      expectProblem(response, `POST ${preview} (${contentType})`);
    }
    expectProblem(
      await admin.requestDeclaringBody('POST', preview, OVERSIZED_BODY_BYTES),
      `POST ${preview} (oversized)`,
    );
    for (const path of ['/v1/templates/no-such-kind/en', '/v1/templates/password-reset/xx']) {
      expectProblem(await admin.delete(path), `DELETE ${path}`);
    }
    const oversized = await fetch(`${stack.gatewayUrl}/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'a'.repeat(64 * 1024)}`,
    });
    expect(oversized.status).toBe(413);
    expect(await schemaDigest(stack, 'notifications')).toEqual(before);
  });
});
