import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { common, identity, notifications } from '@onramp/contracts';
import {
  eventually,
  type ReceivedEmail,
  recipientsOf,
  type SmtpSink,
  startSmtpSink,
} from '@onramp/testing';
import { EmailTemplates } from '../rendering/email-templates';
import { NotificationsApp } from '../testing/notifications-app';

const method = notifications.TemplatesService.method;
const SHIPPED_SUBJECT = 'Reset your Volt password';

const operator = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['templates.manage'] }],
};
// Reads the delivery log, but may not change what every user receives.
const deliveryReader = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['notifications.read'] }],
};

const edited = {
  subject: '{{brandName}}: a new password for {{name}}',
  html: '<p>Hello {{name}}, <a href="{{resetUrl}}">choose a new password</a> before {{expiresAt}}.</p>',
  text: 'Hello {{name}}, choose a new password at {{resetUrl}} before {{expiresAt}}.',
};

let sink: SmtpSink;
let app: NotificationsApp;
let serial = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: sink.url,
    PUBLIC_URL: 'http://127.0.0.1:8080',
    BRAND_NAME: 'Volt',
    BRAND_SUPPORT_EMAIL: 'support@volt.example',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

beforeEach(() => app.database.templateOverride.deleteMany());

function failure(promise: Promise<unknown>): Promise<{ code: string; violations: unknown[] }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; violations: unknown[] },
  );
}

/** Asks for a password reset email to a fresh address and answers the email that arrives. */
async function resetEmail(name = 'Ann'): Promise<ReceivedEmail> {
  serial += 1;
  const email = `templates${serial}@fleet.example`;
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: randomUUID(),
    email,
    name,
    language: 'en',
    token: `token-${serial}`,
    expiresAt: timestampFromDate(new Date('2026-05-01T10:30:00Z')),
    occurredAt: timestampFromDate(new Date()),
  });
  return sink.waitFor((received) => recipientsOf(received).includes(email));
}

const put = (
  parts: Partial<typeof edited>,
  caller: MessageInitShape<typeof common.CallerSchema> = operator,
) =>
  app.call(method.putTemplate, {
    caller,
    kind: 'password-reset',
    language: 'en',
    ...edited,
    ...parts,
  });

it('lists every kind in every language, shipped, with the variables each may use', async () => {
  const { templates } = await app.call(method.listTemplates, { caller: operator });
  // 5 kinds × 4 languages.
  expect(templates).toHaveLength(20);
  expect(templates.every((template) => template.source === 'shipped')).toBe(true);
  const report = templates.find((t) => t.kind === 'security-report' && t.language === 'nl');
  expect(report?.variables).toEqual(expect.arrayContaining(['name', 'logins', 'logins.ip']));
  expect(report?.html).toContain('{{');
  const resend = templates.find((t) => t.kind === 'invitation-resend' && t.language === 'de');
  expect(resend?.variables).toEqual(
    expect.arrayContaining(['inviterName', 'acceptUrl', 'expiresAt', 'roles', 'personalMessage']),
  );
});

it('sends the next email with a stored override, and the shipped text again after a reset', async () => {
  const { template } = await put({});
  expect(template).toMatchObject({ source: 'override', updatedBy: operator.userId });
  expect(template?.updatedAt).toBeDefined();

  const overridden = await resetEmail();
  expect(overridden.subject).toBe('Volt: a new password for Ann');
  expect(overridden.text).toContain('Hello Ann, choose a new password at http://127.0.0.1:8080/');
  expect(overridden.html).toContain('choose a new password</a>');
  const listed = await app.call(method.listTemplates, { caller: operator });
  expect(
    listed.templates.find((t) => t.kind === 'password-reset' && t.language === 'en'),
  ).toMatchObject({ source: 'override', subject: edited.subject });

  const reset = await app.call(method.resetTemplate, {
    caller: operator,
    kind: 'password-reset',
    language: 'en',
  });
  expect(reset.template?.source).toBe('shipped');
  const shipped = await resetEmail();
  expect(shipped.subject).toBe(SHIPPED_SUBJECT);
  expect(shipped.text).not.toContain('Hello Ann, choose');
});

it('refuses an unknown variable, a syntax error or unescaped insertion, naming the part, and stores nothing', async () => {
  const cases: [Partial<typeof edited>, string, RegExp][] = [
    [{ subject: 'Hi {{unknownVariable}}' }, 'subject', /unknown variable "unknownVariable"/],
    [{ html: '<p>{{#if name}}unclosed</p>' }, 'html', /does not compile/],
    [{ text: 'Hello {{{name}}}' }, 'text', /unescaped/],
    [{ html: '{{> layout}}' }, 'html', /PartialStatement/],
    [{ subject: '  ' }, 'subject', /empty/],
    [{ html: 'x'.repeat(64 * 1024 + 1) }, 'html', /at most 65536 bytes/],
  ];
  for (const [parts, field, message] of cases) {
    const error = await failure(put(parts));
    expect(error.code).toBe('validation_failed');
    expect(error.violations).toEqual([{ field, message: expect.stringMatching(message) }]);
  }
  expect(await app.database.templateOverride.count()).toBe(0);
  expect((await resetEmail()).subject).toBe(SHIPPED_SUBJECT);
});

it('answers not_found for a kind or language without templates', async () => {
  for (const [kind, language] of [
    ['invitation-party', 'en'],
    ['password-reset', 'pt'],
  ])
    expect(
      await failure(app.call(method.putTemplate, { caller: operator, kind, language, ...edited })),
    ).toMatchObject({ code: 'not_found' });
  expect(
    await failure(
      app.call(method.previewTemplate, { caller: operator, kind: 'nope', language: 'en' }),
    ),
  ).toMatchObject({ code: 'not_found' });
});

it('previews with sample data, escaping a name that holds <script>, and sends nothing', async () => {
  const before = sink.messages.length;
  const shipped = await app.call(method.previewTemplate, {
    caller: operator,
    kind: 'security-report',
    language: 'de',
  });
  expect(shipped.subject).toBe('Ihr Volt-Sicherheitsbericht');
  expect(shipped.html).not.toContain('<script>');
  expect(shipped.html).toContain('&lt;script&gt;');
  expect(shipped.text).toContain('203.0.113.7');

  const candidate = await app.call(method.previewTemplate, {
    caller: operator,
    kind: 'password-reset',
    language: 'en',
    html: '<h1>Hi {{name}}</h1><a href="{{resetUrl}}">reset</a>',
  });
  expect(candidate.html).toContain('<h1>Hi Sam &lt;script&gt;');
  expect(candidate.html).toContain('http://127.0.0.1:8080/reset-password?token&#x3D;sample-token');
  expect(candidate.subject).toBe(SHIPPED_SUBJECT); // the parts not given are the ones in effect

  expect(
    await failure(
      app.call(method.previewTemplate, {
        caller: operator,
        kind: 'password-reset',
        language: 'en',
        text: '{{{name}}}',
      }),
    ),
  ).toMatchObject({ code: 'validation_failed' });
  expect(await app.database.templateOverride.count()).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sink.messages.length).toBe(before);
});

it('previews an invitation with a sample link, roles and a personal message that arrives escaped', async () => {
  const preview = await app.call(method.previewTemplate, {
    caller: operator,
    kind: 'invitation',
    language: 'fr',
  });
  expect(preview.subject).toBe('Alex Admin vous invite à rejoindre Fleet Example B.V. sur Volt');
  expect(preview.text).toContain('http://127.0.0.1:8080/invite/sample-token');
  expect(preview.text).toContain('propriétaire du compte et conducteur');
  expect(preview.html).toContain('&lt;b&gt;Not bold&lt;/b&gt;');
});

it('lets only a caller holding templates.manage on the platform list, edit, reset or preview', async () => {
  const accountScoped = {
    userId: randomUUID(),
    grants: [{ accountIds: [randomUUID()], permissions: ['templates.manage'] }],
  };
  const address = { kind: 'password-reset', language: 'en' };
  for (const caller of [deliveryReader, accountScoped]) {
    for (const call of [
      app.call(method.listTemplates, { caller }),
      put({}, caller),
      app.call(method.resetTemplate, { caller, ...address }),
      app.call(method.previewTemplate, { caller, ...address }),
    ])
      expect(await failure(call)).toMatchObject({ code: 'forbidden' });
  }
  expect(await failure(app.call(method.listTemplates, {}))).toMatchObject({
    code: 'unauthenticated',
  });
  expect(await app.database.templateOverride.count()).toBe(0);
});

// Last: the second replica shares the consumers' work from here on.
it('reaches another replica within a few seconds', async () => {
  const replica = await app.replica();
  const templates = replica.module.get(EmailTemplates);
  const subjectThere = async () =>
    (await templates.current()).effective('password-reset', 'en').parts.subject;
  expect(await subjectThere()).toContain('{{brandName}}');
  expect(await subjectThere()).not.toBe(edited.subject);

  await put({});
  const started = Date.now();
  await eventually(
    'the override to reach the other replica',
    async () => (await subjectThere()) === edited.subject,
  );
  expect(Date.now() - started).toBeLessThan(7_000);
}, 30_000);
