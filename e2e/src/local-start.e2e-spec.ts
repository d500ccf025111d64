import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Api } from './api';
import { LocalStart } from './local-start';

// The README's variables, set for `npm start` as a newcomer would.
const environment = {
  ACCOUNT_PLANS: JSON.stringify({ pro: ['user_groups'] }),
  INVITATION_TTL_HOURS: JSON.stringify({ system_user: 2 }),
  RATE_LIMIT_AUTH_PER_MINUTE: '3',
};
// `.env` beside the checkout: read too, the environment winning where both set a variable.
const dotEnv = { ACCOUNT_PLANS: JSON.stringify({ basic: [] }), BRAND_NAME: 'Voltwerk Local' };

const catcherUrl = (printed: string): string | undefined =>
  /\(SMTP (smtp:\/\/127\.0\.0\.1:\d+)\)/.exec(printed)?.[1];

describe('npm start', () => {
  let local: LocalStart;
  let admin: Api;

  beforeAll(async () => {
    local = await LocalStart.inPrivateFolder();
    await local.writeDotEnv(dotEnv);
    await local.start(environment);
    admin = await local.admin();
  }, 300_000);
  afterAll(() => local?.remove(), 120_000);

  const invite = (email: string) =>
    admin.post<{ id: string; createdAt: string; expiresAt: string }>('/v1/invitations', {
      kind: 'system_user',
      email,
      roles: ['support'],
    });

  it('comes up from a private (0700) folder, its database kept inside the checkout', async () => {
    expect((await stat(local.folder)).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(local.root, '.onramp', 'postgres', 'data', 'PG_VERSION'))).toBe(
      true,
    );
    expect((await fetch(`${local.url}/health/ready`)).status).toBe(200);
  });

  it('offers the plans of ACCOUNT_PLANS, the environment winning over .env', async () => {
    const pro = await admin.post('/v1/accounts', {
      name: 'Pro Fleet',
      type: 'consumer',
      plan: 'pro',
    });
    expect(pro.status).toBe(201);
    expect(pro.body).toMatchObject({ plan: 'pro', effectiveFeatureFlags: ['user_groups'] });
    const basic = await admin.post('/v1/accounts', {
      name: 'Basic Fleet',
      type: 'consumer',
      plan: 'basic',
    });
    expect(basic.status).toBe(400);
  });

  it('gives invitation links the lifetime of INVITATION_TTL_HOURS', async () => {
    const invitation = await invite('ttl@onramp.test');
    expect(invitation.status).toBe(201);
    const lifetime = Date.parse(invitation.body.expiresAt) - Date.parse(invitation.body.createdAt);
    expect(lifetime).toBe(2 * 3_600_000);
  });

  it('passes .env on: the email names the operator of BRAND_NAME', async () => {
    expect((await invite('brand@onramp.test')).status).toBe(201);
    const email = await local.emailTo('brand@onramp.test');
    expect(email.text).toContain('Voltwerk Local');
  });

  it('answers 429 after RATE_LIMIT_AUTH_PER_MINUTE attempts from one address', async () => {
    const lookup = () =>
      fetch(`${local.url}/v1/invitations/lookup?token=${randomBytes(32).toString('base64url')}`);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await lookup()).status);
    expect(statuses).toEqual([410, 410, 410, 429]);
  });

  it('keeps the mail catcher on its port, so a saved SMTP provider still delivers after a restart', async () => {
    const smtpUrl = catcherUrl(local.printed());
    expect(smtpUrl).toBeDefined();
    const saved = await admin.request('PUT', '/v1/settings/email-provider', {
      provider: 'smtp',
      smtpUrl,
    });
    expect(saved.status).toBe(200);

    await local.stop();
    await local.start(environment);
    admin = await local.admin();
    expect(catcherUrl(local.printed())).toBe(smtpUrl);
    // The data survived the restart too.
    const accounts = await admin.get<{ items: { name: string }[] }>('/v1/accounts?q=Pro%20Fleet');
    expect(accounts.body.items.map((account) => account.name)).toEqual(['Pro Fleet']);

    expect((await invite('after-restart@onramp.test')).status).toBe(201);
    expect((await local.emailTo('after-restart@onramp.test')).subject).not.toBe('');
  }, 300_000);

  it('returns to the environment’s provider with DELETE /v1/settings/email-provider', async () => {
    const toLog = await admin.request('PUT', '/v1/settings/email-provider', { provider: 'log' });
    expect(toLog.status).toBe(200);
    const removed = await admin.delete('/v1/settings/email-provider');
    expect(removed.status).toBe(204);
    expect(removed.body).toEqual({});
    const current = await admin.get('/v1/settings/email-provider');
    expect(current.body).toMatchObject({
      provider: 'smtp',
      source: 'environment',
      secretSet: true,
    });

    expect((await invite('back-to-environment@onramp.test')).status).toBe(201);
    expect((await local.emailTo('back-to-environment@onramp.test')).subject).not.toBe('');
  });
});
