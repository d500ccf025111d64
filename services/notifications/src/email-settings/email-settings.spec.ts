import { randomBytes, randomUUID } from 'node:crypto';
import { toJsonString } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, notifications } from '@onramp/contracts';
import { eventually, recipientsOf, type SmtpSink, startSmtpSink } from '@onramp/testing';
import { EmailSender } from '../email/email-sender';
import { NotificationsApp } from '../testing/notifications-app';

const methods = notifications.NotificationsService.method;
const operator = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['settings.manage'] }],
};
const reader = {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['notifications.read'] }],
};

let sink: SmtpSink;
let app: NotificationsApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'none',
    EMAIL_FROM: 'Onramp <no-reply@onramp.example>',
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

function failure(promise: Promise<unknown>): Promise<{ code: string; violations?: unknown }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; violations?: unknown },
  );
}

async function resetRequested(email: string): Promise<void> {
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: `user-${email}`,
    email,
    name: 'Ann',
    language: 'en',
    token: `token-for-${email}`,
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
}

async function settledDelivery(address: string) {
  const find = () => app.database.delivery.findFirst({ where: { recipient: address } });
  await eventually(`the delivery to ${address} to settle`, async () => {
    const delivery = await find();
    return delivery !== null && delivery.status !== 'queued';
  });
  return (await find())!;
}

it('switches a running instance from no provider to SMTP, and never shows or stores the URL in the clear', async () => {
  expect(await app.call(methods.getEmailProviderSettings, { caller: operator })).toMatchObject({
    settings: { provider: 'none', secretSet: false, source: 'environment' },
  });
  await resetRequested('before@fleet.example');
  expect(await settledDelivery('before@fleet.example')).toMatchObject({
    status: 'not_sent',
    lastError: 'provider_not_configured',
  });

  // The sink refuses AUTH over plain SMTP, so the URL's query (nodemailer options: the name the
  // client greets with) stands for the credentials that must never come back.
  const smtpUrl = `${sink.url}?name=very-secret-client.example`;
  const saved = await app.call(methods.putEmailProviderSettings, {
    caller: operator,
    provider: 'smtp',
    smtpUrl,
    from: 'Volt <no-reply@volt.example>',
  });
  expect(saved.settings).toMatchObject({
    provider: 'smtp',
    from: 'Volt <no-reply@volt.example>',
    secretSet: true,
    source: 'settings',
    updatedBy: operator.userId,
  });

  await resetRequested('after@fleet.example');
  const email = await sink.waitFor((message) =>
    recipientsOf(message).includes('after@fleet.example'),
  );
  expect(email.from?.text).toContain('no-reply@volt.example');
  expect(await settledDelivery('after@fleet.example')).toMatchObject({ status: 'sent' });

  const read = await app.call(methods.getEmailProviderSettings, { caller: operator });
  expect(read.settings).toMatchObject({ provider: 'smtp', secretSet: true, source: 'settings' });
  for (const answer of [
    toJsonString(notifications.GetEmailProviderSettingsResponseSchema, read),
    toJsonString(notifications.PutEmailProviderSettingsResponseSchema, saved),
  ])
    expect(answer).not.toContain('very-secret-client');

  const row = await app.database.emailProviderSettings.findUniqueOrThrow({ where: { id: 1 } });
  expect(row.encryptedSecret).toMatch(/^v1\./);
  expect(row.encryptedSecret).not.toContain('very-secret-client');
  expect(row.encryptedSecret).not.toContain(sink.url.replace('smtp://', ''));
}, 30_000);

it('keeps the saved secret when only the From address changes', async () => {
  await app.call(methods.putEmailProviderSettings, {
    caller: operator,
    provider: 'smtp',
    smtpUrl: sink.url,
  });
  const before = await app.database.emailProviderSettings.findUniqueOrThrow({ where: { id: 1 } });
  const saved = await app.call(methods.putEmailProviderSettings, {
    caller: operator,
    provider: 'smtp',
    from: 'fleet@volt.example',
  });
  expect(saved.settings).toMatchObject({ from: 'fleet@volt.example', secretSet: true });
  const after = await app.database.emailProviderSettings.findUniqueOrThrow({ where: { id: 1 } });
  expect(after.encryptedSecret).toBe(before.encryptedSecret);
});

it('refuses settings that would not work, naming each field', async () => {
  const refused = async (
    change: Omit<notifications.PutEmailProviderSettingsRequest, '$typeName' | 'caller'>,
  ) => failure(app.call(methods.putEmailProviderSettings, { caller: operator, ...change }));

  expect(await refused({ provider: 'sendgrid' })).toMatchObject({
    code: 'validation_failed',
    violations: [expect.objectContaining({ field: 'provider' })],
  });
  expect(await refused({ provider: 'postmark', from: 'not an address' })).toMatchObject({
    code: 'validation_failed',
    violations: expect.arrayContaining([
      expect.objectContaining({ field: 'postmarkServerToken' }),
      expect.objectContaining({ field: 'from' }),
    ]),
  });
  expect(await refused({ provider: 'smtp', smtpUrl: 'https://mail.example' })).toMatchObject({
    code: 'validation_failed',
    violations: [expect.objectContaining({ field: 'smtpUrl' })],
  });
  expect(
    await refused({ provider: 'log', postmarkServerToken: 'token', messageStream: 'outbound' }),
  ).toMatchObject({ code: 'validation_failed' });
  expect(
    await refused({
      provider: 'smtp',
      smtpUrl: sink.url,
      from: 'Evil\r\nBcc: x@y.example <a@b.example>',
    }),
  ).toMatchObject({ code: 'validation_failed' });
});

it('lets only a caller holding settings.manage on the platform read or change the settings', async () => {
  expect(
    await failure(app.call(methods.getEmailProviderSettings, { caller: reader })),
  ).toMatchObject({ code: 'forbidden' });
  expect(
    await failure(app.call(methods.putEmailProviderSettings, { caller: reader, provider: 'none' })),
  ).toMatchObject({ code: 'forbidden' });
  const accountScoped = {
    userId: randomUUID(),
    grants: [{ accountIds: [randomUUID()], permissions: ['settings.manage'] }],
  };
  expect(
    await failure(app.call(methods.getEmailProviderSettings, { caller: accountScoped })),
  ).toMatchObject({ code: 'forbidden' });
  expect(await failure(app.call(methods.getEmailProviderSettings, {}))).toMatchObject({
    code: 'unauthenticated',
  });
});

// Last: the second replica shares the consumers' work from here on.
it('forgets the saved settings on DELETE: every replica is back on the environment within 5 s', async () => {
  const replica = await app.replica();
  const providerThere = async () => (await replica.module.get(EmailSender).current()).name;
  await app.call(methods.putEmailProviderSettings, {
    caller: operator,
    provider: 'smtp',
    smtpUrl: sink.url,
  });
  await eventually('the saved provider to reach the other replica', async () => {
    return (await providerThere()) === 'smtp';
  });

  expect(
    await failure(app.call(methods.deleteEmailProviderSettings, { caller: reader })),
  ).toMatchObject({ code: 'forbidden' });
  expect(await app.database.emailProviderSettings.count()).toBe(1);

  await app.call(methods.deleteEmailProviderSettings, { caller: operator });
  const started = Date.now();
  expect(await app.call(methods.getEmailProviderSettings, { caller: operator })).toMatchObject({
    settings: { provider: 'none', secretSet: false, source: 'environment', updatedBy: '' },
  });
  expect(await app.database.emailProviderSettings.count()).toBe(0);
  await resetRequested('forgotten@fleet.example');
  expect(await settledDelivery('forgotten@fleet.example')).toMatchObject({
    status: 'not_sent',
    lastError: 'provider_not_configured',
  });
  await eventually('the other replica to return to the environment', async () => {
    return (await providerThere()) === 'none';
  });
  expect(Date.now() - started).toBeLessThan(5_000 + 1_000);

  // Nothing saved any more: forgetting again changes nothing.
  await app.call(methods.deleteEmailProviderSettings, { caller: operator });
  expect(await app.database.emailProviderSettings.count()).toBe(0);
}, 30_000);
