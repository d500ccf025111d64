import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium } from './browser';
import { ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { BOOTSTRAP_ADMIN, eventually, Stack } from './stack';

interface EmailProviderJson {
  provider: string;
  secretSet: boolean;
  source: string;
}
interface TemplateJson {
  key: string;
  language: string;
  source: string;
  subject: string;
}

const NO_PROVIDER =
  'No email provider is configured. Invitations cannot be emailed until one is: they are still created, and their email is recorded as not sent.';
const NEW_SUBJECT = 'Your {{brandName}} charging pass is waiting';
const STYLED_GREETING = '<p style="color: rgb(200, 0, 0)">A greeting in red</p>';
/** The browser function the preview test calls in the frame (this project has no DOM types). */
interface StyledWindow {
  getComputedStyle(element: unknown): { color: string };
}

describe('the console: Settings (email provider, templates, delivery log)', () => {
  let stack: Stack;
  let browser: Browser;
  let flows: InvitationFlows;
  let admin: Api;
  let operator: ConsoleBrowser;

  beforeAll(async () => {
    // An installation whose environment configures no provider: the operator must set one up.
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway'], {
      notifications: { EMAIL_PROVIDER: 'none' },
    });
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    flows = new InvitationFlows(stack, admin);
    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const page = () => operator.page;
  const summaryRow = (label: string) => page().getByRole('row', { name: new RegExp(`^${label}`) });

  it('says plainly that invitations cannot be emailed while no provider is configured, and the log says why one was not', async () => {
    await flows.invite({ kind: 'system_user', email: 'no.mail@cpo.test', roles: ['support'] });
    await eventually('the unsent email is recorded', async () => {
      const log = await admin.get<{ items: { status: string }[] }>(
        '/v1/notifications/deliveries?to=no.mail@cpo.test',
      );
      return log.body.items[0]?.status === 'not_sent';
    });

    await operator.goto('/settings');
    await operator.signIn(
      BOOTSTRAP_ADMIN.email,
      BOOTSTRAP_ADMIN.password,
      /\/console\/settings\/email$/,
    );
    await page().getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page().getByRole('alert').textContent()).toBe(NO_PROVIDER);
    expect(await summaryRow('Provider').textContent()).toBe('ProviderNone');
    expect(await summaryRow('Settings from').textContent()).toBe(
      'Settings fromThe installation’s environment',
    );
    await page().getByText('Not configured', { exact: true }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    await page().getByRole('tab', { name: 'Delivery log' }).click();
    await page().waitForURL(/\/console\/settings\/deliveries$/);
    const row = page().getByRole('row', { name: /no\.mail@cpo\.test/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'no.mail@cpo.test',
      'Invitation (English)',
      'Not sent: no email provider',
      'No email provider is configured',
      '0',
      expect.any(String),
      '',
    ]);
    expect(await operator.screenProblems()).toEqual([]);
    expect(operator.cspViolations).toEqual([]);
  });

  it('saves an SMTP provider through the form: reported as configured, its URL never shown back', async () => {
    await operator.goto('/settings/email');
    await page().getByRole('radio', { name: /^SMTP/ }).check();
    const url = page().getByLabel('SMTP URL');
    await page().getByRole('button', { name: 'Save provider' }).click();
    await page().getByText('Enter the SMTP URL.').waitFor();
    await url.fill('mail.cpo.test');
    await page().getByRole('button', { name: 'Save provider' }).click();
    await page().getByText('Enter an smtp:// or smtps:// URL, without spaces.').waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    expect((await admin.get<EmailProviderJson>('/v1/settings/email-provider')).body.provider).toBe(
      'none',
    );

    await url.fill(stack.mailbox.url);
    await page().getByRole('button', { name: 'Save provider' }).click();
    await page().getByText('Saved: emails go out through SMTP from now on.').waitFor();
    expect(await summaryRow('Provider').textContent()).toBe('ProviderSMTP');
    expect(await summaryRow('Settings from').textContent()).toBe('Settings fromSaved here');
    expect(await summaryRow('Secret').textContent()).toBe('SecretSet (never shown)');
    await page().getByText('Configured', { exact: true }).waitFor();
    expect(await page().getByText(NO_PROVIDER).count()).toBe(0);
    // The form starts again empty, saying a secret is set: nothing in the page holds the URL.
    expect(await url.inputValue()).toBe('');
    await page()
      .getByText('A secret is set and kept. Enter a new one only to replace it.')
      .waitFor();
    expect(await page().content()).not.toContain(stack.mailbox.url.replace('smtp://', ''));
    expect(await operator.screenProblems()).toEqual([]);

    const saved = await admin.get<EmailProviderJson>('/v1/settings/email-provider');
    expect(saved.body).toMatchObject({ provider: 'smtp', secretSet: true, source: 'settings' });
    expect(operator.cspViolations).toEqual([]);
  });

  it('edits the invitation template, previews it, styled, in a sandboxed frame and saves it; invitations then use it', async () => {
    await operator.goto('/settings/templates');
    await page()
      .getByRole('row', { name: /^Invitation English/ })
      .getByRole('link', { name: 'English' })
      .click();
    await page().waitForURL(/\/console\/settings\/templates\/invitation\/en$/);
    await page().getByRole('heading', { name: 'Invitation (English)' }).waitFor();
    await page().getByText('Shipped', { exact: true }).waitFor();

    const subject = page().getByLabel('Subject');
    await subject.fill('Hello {{unknownThing}}');
    await page().getByRole('button', { name: 'Save template' }).click();
    await page().getByRole('alert').getByText('subject: unknown variable "unknownThing"').waitFor();
    const invitationEn = async () =>
      (await admin.get<{ items: TemplateJson[] }>('/v1/templates')).body.items.find(
        (template) => template.key === 'invitation' && template.language === 'en',
      );
    expect(await invitationEn()).toMatchObject({ source: 'shipped' });

    await subject.fill(NEW_SUBJECT);
    const html = page().getByLabel(/^HTML body/);
    await html.fill(`${STYLED_GREETING}\n${await html.inputValue()}`);
    await page().getByRole('button', { name: 'Preview' }).click();
    await page().getByText('Subject: Your Onramp charging pass is waiting').waitFor();
    const frame = page().locator('iframe[title="The HTML email, as rendered"]');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('src')).toMatch(/^\/v1\/template-previews\/[A-Za-z0-9_-]{43}$/);
    const email = page().frameLocator('iframe[title="The HTML email, as rendered"]');
    await email.getByRole('link', { name: 'Accept invitation' }).waitFor();
    // The email's own inline styles apply: the frame's document has a policy of its own.
    const greeting = email.getByText('A greeting in red', { exact: true });
    const colour = await greeting.evaluate(
      (element) => (globalThis as unknown as StyledWindow).getComputedStyle(element).color,
    );
    expect(colour).toBe('rgb(200, 0, 0)');
    expect(operator.cspViolations).toEqual([]);
    expect(await page().locator('pre').textContent()).toContain(
      'Accept the invitation and choose your password with this link:',
    );
    expect(await operator.screenProblems()).toEqual([]);

    await page().getByRole('button', { name: 'Save template' }).click();
    await page().getByText('Saved: this email is sent with this template from now on.').waitFor();
    await page().getByText('Edited', { exact: true }).waitFor();
    expect(await invitationEn()).toMatchObject({ source: 'override', subject: NEW_SUBJECT });

    await page().getByRole('link', { name: 'All templates' }).click();
    await page()
      .getByRole('row', { name: /^Invitation English/ })
      .getByRole('link', { name: 'English (edited)' })
      .waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    await flows.invite({ kind: 'system_user', email: 'sue.support@cpo.test', roles: ['support'] });
    expect((await flows.emailTo('sue.support@cpo.test')).subject).toBe(
      'Your Onramp charging pass is waiting',
    );
    expect(operator.cspViolations).toEqual([]);
  });

  it('finds the sent invitation in the delivery log, by recipient and by status', async () => {
    await eventually('the sent email is recorded', async () => {
      const log = await admin.get<{ items: { status: string }[] }>(
        '/v1/notifications/deliveries?to=sue.support@cpo.test',
      );
      return log.body.items[0]?.status === 'sent';
    });
    await operator.goto('/settings/deliveries');
    await page().getByLabel('Recipient').fill('sue.support@cpo.test');
    await page().waitForURL(/to=sue\.support%40cpo\.test/);
    const row = page().getByRole('row', { name: /sue\.support@cpo\.test/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'sue.support@cpo.test',
      'Invitation (English)',
      'Sent',
      '',
      '1',
    ]);
    expect(cells[6]).not.toBe('');
    await page()
      .getByRole('row', { name: /no\.mail@cpo\.test/ })
      .waitFor({ state: 'detached' });

    await page().getByLabel('Status').selectOption({ label: 'Not sent: no email provider' });
    await page().waitForURL(/status=not_sent/);
    await page().getByText('Nothing to show.').waitFor();
    await page().getByLabel('Status').selectOption({ label: 'Sent' });
    await page().waitForURL(/status=sent/);
    await row.waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    expect(operator.cspViolations).toEqual([]);
  });

  it('offers a support user the delivery log only, as their grants allow', async () => {
    await flows.acceptFromEmail('sue.support@cpo.test');
    const support = await ConsoleBrowser.open(browser, stack);
    try {
      await support.goto('/settings/email');
      await support.signIn(
        'sue.support@cpo.test',
        GOOD_PASSWORD,
        /\/console\/settings\/deliveries$/,
      );
      await support.page.getByRole('link', { name: 'Settings', exact: true }).waitFor();
      await support.page.getByRole('tab', { name: 'Delivery log' }).waitFor();
      expect(await support.page.getByRole('tab').allTextContents()).toEqual(['Delivery log']);
      await support.page.getByRole('row', { name: /no\.mail@cpo\.test/ }).waitFor();
      await support.goto('/settings/templates/invitation/en');
      await support.page.waitForURL(/\/console\/settings\/deliveries$/);
      expect(support.cspViolations).toEqual([]);
    } finally {
      await support.close();
    }
  });

  it('goes back to the shipped template, and to the environment’s provider', async () => {
    await operator.goto('/settings/templates/invitation/en');
    await page().getByRole('button', { name: 'Go back to the shipped template' }).click();
    await page()
      .getByRole('dialog', { name: 'Go back to the shipped template' })
      .getByRole('button', { name: 'Confirm' })
      .click();
    await page().getByText('The shipped template is in effect again.').waitFor();
    await page().getByText('Shipped', { exact: true }).waitFor();
    expect(await page().getByLabel('Subject').inputValue()).not.toBe(NEW_SUBJECT);

    await page().getByRole('tab', { name: 'Email provider' }).click();
    await page().waitForURL(/\/console\/settings\/email$/);
    await page().getByRole('button', { name: 'Use the environment’s provider' }).click();
    await page()
      .getByRole('dialog', { name: 'Use the environment’s provider' })
      .getByRole('button', { name: 'Confirm' })
      .click();
    await page().getByText('The settings saved here are forgotten.').waitFor();
    expect(await page().getByRole('alert').textContent()).toBe(NO_PROVIDER);
    expect(await summaryRow('Settings from').textContent()).toBe(
      'Settings fromThe installation’s environment',
    );
    const current = await admin.get<EmailProviderJson>('/v1/settings/email-provider');
    expect(current.body).toMatchObject({ provider: 'none', source: 'environment' });
    expect(operator.cspViolations).toEqual([]);
  });
});
