import { recipientsOf } from '@onramp/testing';
import { Api } from './api';
import { eventually, Stack } from './stack';

const password = 'Plug-and-Charge-42!';

describe('emails: password reset and security report arrive over real SMTP', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;

  const createUser = async (email: string, name: string, language: string) => {
    const response = await admin.post<{ id: string }>('/v1/users', {
      email,
      name,
      language,
      password,
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const mailTo = (email: string) =>
    stack.mailbox.waitFor((message) => recipientsOf(message).includes(email));

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'notifications', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('sends a working reset link in the user’s language, and nothing to unknown addresses', async () => {
    await createUser('anna@cpo.test', 'Anna', 'en');
    await createUser('bram@cpo.test', 'Bram', 'nl');
    for (const email of ['nobody@cpo.test', 'anna@cpo.test', 'bram@cpo.test']) {
      expect((await anonymous.post('/v1/auth/password-reset', { email })).status).toBe(202);
    }
    const [english, dutch] = await Promise.all([mailTo('anna@cpo.test'), mailTo('bram@cpo.test')]);
    expect(english.subject).toBeTruthy();
    expect(dutch.subject).toBeTruthy();
    expect(dutch.subject).not.toBe(english.subject);
    expect(english.html).toBeTruthy();
    expect(english.text).toBeTruthy();

    // Requests are handled in order: the unknown address, asked first, got nothing.
    expect(stack.mailbox.messages.some((m) => recipientsOf(m).includes('nobody@cpo.test'))).toBe(
      false,
    );

    const link = new RegExp(`${stack.gatewayUrl}/reset-password\\?token=([A-Za-z0-9_-]{43})`);
    const token = link.exec(english.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(String(english.html)).toContain(token);
    const newPassword = 'Mailbox-Proven-2026!';
    const confirmed = await anonymous.post('/v1/auth/password-reset/confirm', {
      token,
      newPassword,
    });
    expect(confirmed.status).toBe(204);
    await anonymous.login('anna@cpo.test', newPassword);
  });

  it('emails the security report with the open sessions, escaping what users typed', async () => {
    const user = await createUser('cees@cpo.test', '<script>alert(1)</script> Cees', 'en');
    const { api: asCees } = await anonymous.login('cees@cpo.test', password);
    expect((await asCees.post(`/v1/users/${user.id}/security-report`)).status).toBe(202);

    const report = await mailTo('cees@cpo.test');
    const html = String(report.html);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    expect(report.text).toContain('127.0.0.1');
  });

  it('sends each email once, whatever the redeliveries', async () => {
    await createUser('dirk@cpo.test', 'Dirk', 'de');
    expect(
      (await anonymous.post('/v1/auth/password-reset', { email: 'dirk@cpo.test' })).status,
    ).toBe(202);
    await mailTo('dirk@cpo.test');
    // Restarting notifications makes JetStream offer anything unacknowledged again.
    await stack.process('notifications').stop('SIGTERM');
    await stack.startService('notifications');
    expect(
      (await anonymous.post('/v1/auth/password-reset', { email: 'anna@cpo.test' })).status,
    ).toBe(202);
    await stack.mailbox.waitFor(
      (message) =>
        recipientsOf(message).includes('anna@cpo.test') &&
        stack.mailbox.messages.filter((m) => recipientsOf(m).includes('anna@cpo.test')).length ===
          2,
    );
    expect(
      stack.mailbox.messages.filter((m) => recipientsOf(m).includes('dirk@cpo.test')),
    ).toHaveLength(1);
  });

  it('shows operators every delivery, and records "not sent" when no provider is configured', async () => {
    // The sink holds a message a moment before the delivery's record says so.
    await eventually('both deliveries to anna recorded as sent', async () => {
      const sent = await admin.get<{ items: { status: string; template: string }[] }>(
        '/v1/notifications/deliveries?to=anna@cpo.test',
      );
      expect(sent.status).toBe(200);
      expect(JSON.stringify(sent.body)).not.toMatch(/token=/);
      return (
        sent.body.items.length === 2 && sent.body.items.every((item) => item.status === 'sent')
      );
    });

    await stack.process('notifications').stop('SIGTERM');
    await stack.startService('notifications', { EMAIL_PROVIDER: 'none' });
    await createUser('femke@cpo.test', 'Femke', 'nl');
    expect(
      (await anonymous.post('/v1/auth/password-reset', { email: 'femke@cpo.test' })).status,
    ).toBe(202);
    await eventually('the delivery to be recorded', async () => {
      const listed = await admin.get<{ items: { status: string; lastError: string | null }[] }>(
        '/v1/notifications/deliveries?to=femke@cpo.test',
      );
      return (
        listed.body.items.length === 1 &&
        listed.body.items[0]?.status === 'not_sent' &&
        listed.body.items[0].lastError === 'provider_not_configured'
      );
    });
    expect(stack.mailbox.messages.some((m) => recipientsOf(m).includes('femke@cpo.test'))).toBe(
      false,
    );
    // Operators only: a user without the permission is refused.
    const { api: asAnna } = await anonymous.login('anna@cpo.test', 'Mailbox-Proven-2026!');
    expect((await asAnna.get('/v1/notifications/deliveries')).status).toBe(403);
  });
});
