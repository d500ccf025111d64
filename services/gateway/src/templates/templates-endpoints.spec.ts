import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';
import { MAX_PREVIEW_BYTES } from './template-previews';

const method = notifications.TemplatesService.method;
const subjects = {
  list: 'rpc.notifications.templates.list.v1',
  put: 'rpc.notifications.templates.put.v1',
  reset: 'rpc.notifications.templates.reset.v1',
  preview: 'rpc.notifications.templates.preview.v1',
};
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';

const tokens: Record<string, { platform: boolean; permissions: string[] }> = {
  'operator-token': { platform: true, permissions: ['templates.manage'] },
  'reader-token': { platform: true, permissions: ['notifications.read'] },
};

const shipped = {
  kind: 'password-reset',
  language: 'nl',
  source: 'shipped',
  subject: 'Stel je {{brandName}}-wachtwoord opnieuw in',
  html: '<p>{{name}}</p>',
  text: '{{name}}',
  variables: ['brandName', 'supportEmail', 'name', 'resetUrl', 'expiresAt'],
};
const shippedJson = {
  key: 'password-reset',
  language: 'nl',
  source: 'shipped',
  subject: shipped.subject,
  html: shipped.html,
  text: shipped.text,
  variables: shipped.variables,
  updatedAt: null,
  updatedBy: null,
};
const parts = { subject: 'Hoi {{name}}', html: '<p>Hoi {{name}}</p>', text: 'Hoi {{name}}' };
const renderedHtml = '<p style="color: rgb(200, 0, 0)">Sam &lt;script&gt;</p>';
const previewUrl = /^\/v1\/template-previews\/[A-Za-z0-9_-]{43}$/;
/** What the API answers carry, which the preview document must not change. */
const apiPolicy = "default-src 'none';frame-ancestors 'none'";

describe('template endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the notifications service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.listTemplates, () => ({ templates: [shipped] }));
    await fake.answer(method.putTemplate, (request) => {
      if (request.kind !== 'password-reset') throw new DomainError('not_found', 'no such kind');
      if (request.text.includes('{{{'))
        throw new DomainError('validation_failed', 'the template cannot be used', [
          { field: 'text', message: '"name" is inserted unescaped; use {{ }}, never {{{ }}}' },
        ]);
      return {
        template: {
          ...shipped,
          source: 'override',
          subject: request.subject,
          html: request.html,
          text: request.text,
          updatedAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
          updatedBy: userId,
        },
      };
    });
    await fake.answer(method.resetTemplate, () => ({ template: shipped }));
    await fake.answer(method.previewTemplate, (request) => ({
      subject: request.subject ?? 'Stel je Onramp-wachtwoord opnieuw in',
      html: request.html === 'huge' ? `<p>${'x'.repeat(MAX_PREVIEW_BYTES)}</p>` : renderedHtml,
      text: 'Sam <script>',
    }));
  });
  afterAll(() => bed.stop());

  beforeEach(() => fake.received.clear());

  const send = (
    httpMethod: string,
    path: string,
    body?: unknown,
    token = 'operator-token',
  ): Promise<Response> =>
    fetch(`${gateway.url}${path}`, {
      method: httpMethod,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('lists the templates with null for what a shipped template does not have', async () => {
    const response = await send('GET', '/v1/templates');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [shippedJson] });
    expect(fake.received.get(subjects.list)).toMatchObject({ caller: { userId } });
  });

  it('stores an override from the path and body, and answers it', async () => {
    const response = await send('PUT', '/v1/templates/password-reset/nl', parts);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ...shippedJson,
      ...parts,
      source: 'override',
      updatedAt: '2026-11-23T10:00:00.000Z',
      updatedBy: userId,
    });
    expect(fake.received.get(subjects.put)).toMatchObject({
      kind: 'password-reset',
      language: 'nl',
      ...parts,
    });
  });

  it("passes on the service's refusals: 400 for a template it cannot use, 404 for an unknown kind", async () => {
    const refused = await send('PUT', '/v1/templates/password-reset/nl', {
      ...parts,
      text: 'Hoi {{{name}}}',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'validation_failed' });
    expect((await send('PUT', '/v1/templates/invitation/nl', parts)).status).toBe(404);
  });

  it('refuses a missing part, an unknown field, an oversized part or a malformed path before asking', async () => {
    const cases: [string, unknown][] = [
      ['/v1/templates/password-reset/nl', { subject: 'x', html: 'y' }],
      ['/v1/templates/password-reset/nl', { ...parts, layout: '{{body}}' }],
      ['/v1/templates/password-reset/nl', { ...parts, html: 'x'.repeat(64 * 1024 + 1) }],
      ['/v1/templates/Password_Reset/nl', parts],
      ['/v1/templates/password-reset/dutch', parts],
    ];
    for (const [path, body] of cases) {
      const response = await send('PUT', path, body);
      expect(response.status).toBe(400);
    }
    expect(fake.received.has(subjects.put)).toBe(false);
  });

  it('resets to the shipped template', async () => {
    const response = await send('DELETE', '/v1/templates/password-reset/nl');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(shippedJson);
    expect(fake.received.get(subjects.reset)).toMatchObject({
      kind: 'password-reset',
      language: 'nl',
    });
  });

  it('previews the template in effect without a body, or candidate parts', async () => {
    const plain = await send('POST', '/v1/templates/password-reset/nl/preview');
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({
      subject: 'Stel je Onramp-wachtwoord opnieuw in',
      html: renderedHtml,
      text: 'Sam <script>',
      previewUrl: expect.stringMatching(previewUrl),
    });
    const received = fake.received.get(subjects.preview) as notifications.PreviewTemplateRequest;
    expect(received.subject).toBeUndefined();

    const candidate = await send('POST', '/v1/templates/password-reset/nl/preview', {
      subject: 'Hoi {{name}}',
    });
    expect(candidate.status).toBe(200);
    expect(fake.received.get(subjects.preview)).toMatchObject({ subject: 'Hoi {{name}}' });
    expect(
      (await send('POST', '/v1/templates/password-reset/nl/preview', { footer: 'x' })).status,
    ).toBe(400);
  });

  it('serves the rendered HTML at the previewUrl, without a credential, under a policy of its own', async () => {
    const preview = await send('POST', '/v1/templates/password-reset/nl/preview');
    const { previewUrl: url } = (await preview.json()) as { previewUrl: string };
    // The frame asks twice when the console re-renders or the operator reloads it.
    for (const attempt of [1, 2]) {
      const document = await fetch(`${gateway.url}${url}`);
      expect({ attempt, status: document.status }).toEqual({ attempt, status: 200 });
      expect(await document.text()).toBe(renderedHtml);
      expect({
        'content-type': document.headers.get('content-type'),
        'content-security-policy': document.headers.get('content-security-policy'),
        'x-frame-options': document.headers.get('x-frame-options'),
        'x-content-type-options': document.headers.get('x-content-type-options'),
        'cache-control': document.headers.get('cache-control'),
        'referrer-policy': document.headers.get('referrer-policy'),
      }).toEqual({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox",
        'x-frame-options': 'SAMEORIGIN',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
    }

    const another = (await (
      await send('POST', '/v1/templates/password-reset/nl/preview')
    ).json()) as { previewUrl: string };
    expect(another.previewUrl).toMatch(previewUrl);
    expect(another.previewUrl).not.toBe(url);

    const list = await send('GET', '/v1/templates');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toBe(apiPolicy);
    expect(list.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers 404 problem+json for a ticket that is unknown or malformed', async () => {
    // (A segment over the router's length limit is a 400 before any route, as on every path.)
    for (const ticket of ['A'.repeat(43), 'short', `${'A'.repeat(42)}%2B`, 'A'.repeat(90)]) {
      const response = await fetch(`${gateway.url}/v1/template-previews/${ticket}`);
      expect({ ticket, status: response.status }).toEqual({ ticket, status: 404 });
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(apiPolicy);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('refuses to keep a rendered email larger than the preview bound', async () => {
    const response = await send('POST', '/v1/templates/password-reset/nl/preview', {
      html: 'huge',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      violations: [
        { field: 'html', message: `rendered, it is larger than ${MAX_PREVIEW_BYTES} bytes` },
      ],
    });
  });

  it('refuses a caller without templates.manage before asking the notifications service', async () => {
    expect((await send('GET', '/v1/templates', undefined, 'reader-token')).status).toBe(403);
    expect(
      (await send('PUT', '/v1/templates/password-reset/nl', parts, 'reader-token')).status,
    ).toBe(403);
    expect(
      (await send('DELETE', '/v1/templates/password-reset/nl', undefined, 'nobody')).status,
    ).toBe(401);
    for (const subject of Object.values(subjects)) expect(fake.received.has(subject)).toBe(false);
  });

  it('documents the five operations in the OpenAPI document', async () => {
    const document = (await (await fetch(`${gateway.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.paths['/v1/templates']?.get?.operationId).toBe('listTemplates');
    expect(Object.keys(document.paths['/v1/templates/{key}/{lang}'] ?? {}).sort()).toEqual([
      'delete',
      'put',
    ]);
    expect(document.paths['/v1/templates/{key}/{lang}/preview']?.post?.operationId).toBe(
      'previewTemplate',
    );
    expect(document.paths['/v1/template-previews/{ticket}']?.get).toMatchObject({
      operationId: 'showTemplatePreview',
      security: [],
      responses: { 200: { content: { 'text/html; charset=utf-8': {} } } },
    });
  });
});
