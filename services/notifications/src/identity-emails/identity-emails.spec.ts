import { randomBytes } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, tokenContext } from '@onramp/contracts';
import { EventTokens } from '@onramp/sealing';
import {
  eventually,
  type ReceivedEmail,
  recipientsOf,
  type SmtpSink,
  startSmtpSink,
} from '@onramp/testing';
import { linksIn, NotificationsApp } from '../testing/notifications-app';

const PUBLIC_URL = 'http://127.0.0.1:8080';
const SUBJECTS = {
  'password-reset': {
    en: 'Reset your Volt password',
    nl: 'Stel je Volt-wachtwoord opnieuw in',
    de: 'Setzen Sie Ihr Volt-Passwort zurück',
    fr: 'Réinitialisez votre mot de passe Volt',
  },
  'security-report': {
    en: 'Your Volt security report',
    nl: 'Je Volt-beveiligingsrapport',
    de: 'Ihr Volt-Sicherheitsbericht',
    fr: 'Votre rapport de sécurité Volt',
  },
} as const;
const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
const EVENT_TOKEN_KEY = randomBytes(32).toString('base64url');

let sink: SmtpSink;
let app: NotificationsApp;
let serial = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: sink.url,
    EMAIL_FROM: 'Volt <no-reply@volt.example>',
    PUBLIC_URL,
    BRAND_NAME: 'Volt',
    BRAND_SUPPORT_EMAIL: 'support@volt.example',
    EMAIL_MAX_ATTEMPTS: '3',
    EMAIL_RETRY_BASE_MS: '100',
    EVENT_TOKEN_KEY,
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

/** A fresh recipient per test, so each test finds only its own email. */
function recipient(): string {
  serial += 1;
  return `driver${serial}@fleet.example`;
}

function resetIssued(
  email: string,
  overrides: Partial<{ language: string; name: string; token: string }> = {},
) {
  return {
    userId: `user-${email}`,
    email,
    name: overrides.name ?? 'Ann de Vries',
    language: overrides.language ?? 'en',
    token: overrides.token ?? `tok+${email}/=`,
    expiresAt: timestampFromDate(new Date('2026-05-01T10:30:00Z')),
    occurredAt: timestampFromDate(new Date('2026-05-01T10:00:00Z')),
  };
}

const to = (address: string) => (email: ReceivedEmail) => recipientsOf(email).includes(address);

/** The delivery to this address once it has settled (sent, failed or not sent). */
async function deliveryOf(address: string) {
  let delivery = await app.database.delivery.findFirst({ where: { recipient: address } });
  await eventually(`the delivery to ${address} to settle`, async () => {
    delivery = await app.database.delivery.findFirst({ where: { recipient: address } });
    return delivery !== null && delivery.status !== 'queued';
  });
  return delivery!;
}

describe('password reset email', () => {
  it.each(LANGUAGES)(
    'arrives in %s with its subject and a link that carries the token',
    async (language) => {
      const address = recipient();
      const event = resetIssued(address, { language });
      await app.publish(identity.PasswordResetIssuedSchema, event);

      const email = await sink.waitFor(to(address));
      expect(email.subject).toBe(SUBJECTS['password-reset'][language]);
      const expectedLink = `${PUBLIC_URL}/reset-password?token=${encodeURIComponent(event.token)}`;
      expect(email.text).toContain(expectedLink);
      expect(linksIn(email.html)).toContain(expectedLink);
      expect(new URL(expectedLink).searchParams.get('token')).toBe(event.token);
      expect(email.text).toMatch(/2026/); // when the link expires
      expect(email.text).toContain('support@volt.example');

      const delivery = await deliveryOf(address);
      expect(delivery).toMatchObject({
        status: 'sent',
        template: 'password-reset',
        language,
        sourceSubject: 'identity.password-reset.issued.v1',
        attempts: 1,
      });
      expect(delivery.providerMessageId).toBeTruthy();
      expect(delivery.sentAt).not.toBeNull();
      // The token is never stored, not even in the key.
      expect(JSON.stringify(delivery)).not.toContain(event.token);
    },
  );

  it('opens a token sealed under EVENT_TOKEN_KEY, and sends nothing for one sealed under another key', async () => {
    const address = recipient();
    const token = randomBytes(32).toString('base64url');
    const event = resetIssued(address);
    const sealed = new EventTokens(EVENT_TOKEN_KEY).forEvent(
      token,
      tokenContext.passwordReset(event.userId),
    );
    await app.publish(identity.PasswordResetIssuedSchema, { ...event, token: sealed });
    const email = await sink.waitFor(to(address));
    expect(email.text).toContain(`${PUBLIC_URL}/reset-password?token=${token}`);
    expect(email.text).not.toContain(sealed);

    const other = recipient();
    const forged = resetIssued(other);
    const sealedElsewhere = new EventTokens(randomBytes(32).toString('base64url')).forEvent(
      token,
      tokenContext.passwordReset(forged.userId),
    );
    await app.publish(identity.PasswordResetIssuedSchema, { ...forged, token: sealedElsewhere });
    const failed = await deliveryOf(other);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.lastError).toMatch(/^render_failed/);
    expect(failed.lastError).not.toContain(token);
    expect(sink.messages.filter(to(other))).toHaveLength(0);
  });

  it('falls back to English for a language without templates', async () => {
    const address = recipient();
    await app.publish(identity.PasswordResetIssuedSchema, resetIssued(address, { language: 'pt' }));
    const email = await sink.waitFor(to(address));
    expect(email.subject).toBe(SUBJECTS['password-reset'].en);
    expect((await deliveryOf(address)).language).toBe('en');
  });

  it('escapes a name with markup in the HTML part', async () => {
    const address = recipient();
    const name = '<script>alert("x")</script>';
    await app.publish(identity.PasswordResetIssuedSchema, resetIssued(address, { name }));
    const email = await sink.waitFor(to(address));
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  it('sends one email when the same event arrives twice', async () => {
    const address = recipient();
    const event = resetIssued(address);
    const first = await app.publish(identity.PasswordResetIssuedSchema, event);
    const second = await app.publish(identity.PasswordResetIssuedSchema, event);
    await eventually(
      'both events to be handled',
      async () =>
        (await app.handled('password-reset-email', first)) &&
        (await app.handled('password-reset-email', second)),
    );
    await sink.waitFor(to(address));
    // Give a wrongly sent duplicate the time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages.filter(to(address))).toHaveLength(1);
    expect(await app.database.delivery.count({ where: { recipient: address } })).toBe(1);
  });

  it('retries a transient refusal (451) and then delivers', async () => {
    const address = recipient();
    sink.failNext(1, 451);
    await app.publish(identity.PasswordResetIssuedSchema, resetIssued(address));
    await sink.waitFor(to(address));
    const delivery = await deliveryOf(address);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.messages.filter(to(address))).toHaveLength(1);
  });

  it('marks a permanent refusal (550) failed at once, with the reason', async () => {
    const address = recipient();
    sink.failNext(1, 550);
    await app.publish(identity.PasswordResetIssuedSchema, resetIssued(address));
    const delivery = await deliveryOf(address);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery.lastError).toMatch(/550/);
    expect(sink.messages.filter(to(address))).toHaveLength(0);
  });

  it('gives up after EMAIL_MAX_ATTEMPTS transient refusals and keeps the reason', async () => {
    const address = recipient();
    sink.failNext(3, 451);
    await app.publish(identity.PasswordResetIssuedSchema, resetIssued(address));
    const delivery = await deliveryOf(address);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
    expect(delivery.lastError).toMatch(/gave up after 3 attempts: smtp 451/);
    expect(sink.messages.filter(to(address))).toHaveLength(0);
  });
});

describe('security report email', () => {
  it.each(LANGUAGES)('arrives in %s with its subject, logins and sessions', async (language) => {
    const address = recipient();
    await app.publish(identity.SecurityReportRequestedSchema, {
      userId: `user-${address}`,
      email: address,
      name: 'Ann',
      language,
      recentLogins: [
        {
          at: timestampFromDate(new Date('2026-04-30T08:00:00Z')),
          ip: '203.0.113.7',
          userAgent: 'Firefox <b>140</b>',
          succeeded: false,
        },
      ],
      activeSessions: [
        {
          sessionId: 's1',
          createdAt: timestampFromDate(new Date('2026-04-29T08:00:00Z')),
          lastUsedAt: timestampFromDate(new Date('2026-04-30T09:00:00Z')),
          ip: '198.51.100.4',
          userAgent: 'Safari',
        },
      ],
      occurredAt: timestampFromDate(new Date()),
    });
    const email = await sink.waitFor(to(address));
    expect(email.subject).toBe(SUBJECTS['security-report'][language]);
    expect(email.text).toContain('203.0.113.7');
    expect(email.text).toContain('198.51.100.4');
    expect(email.html).toContain('Firefox &lt;b&gt;140&lt;/b&gt;');
    expect(await deliveryOf(address)).toMatchObject({
      status: 'sent',
      template: 'security-report',
    });
  });
});
