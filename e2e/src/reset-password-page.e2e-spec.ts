import type { Browser, Page } from 'playwright-core';
import { identity, tokenContext } from '@onramp/contracts';
import { Api } from './api';
import { accessibilityViolations, launchChromium, pageWithoutJavaScript } from './browser';
import { awaitEvent } from './events';
import { Stack } from './stack';

describe('the password reset page, in a browser without JavaScript', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let anonymous: Api;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'gateway']);
    anonymous = Api.of(stack);
    const { api: admin } = await anonymous.loginAsAdmin();
    const created = await admin.post('/v1/users', {
      email: 'eva@cpo.test',
      name: 'Eva',
      password: 'Plug-and-Charge-42!',
    });
    expect(created.status).toBe(201);
    browser = await launchChromium();
    page = await pageWithoutJavaScript(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const choose = async (newPassword: string, repeat = newPassword) => {
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(repeat);
    await page.getByRole('button', { name: 'Change password' }).click();
  };

  it('takes a new password from the emailed link, once', async () => {
    expect(
      (await anonymous.post('/v1/auth/password-reset', { email: 'eva@cpo.test' })).status,
    ).toBe(202);
    const issued = await awaitEvent(
      stack.infrastructure.natsUrl,
      identity.PasswordResetIssuedSchema,
      (event) => event.email === 'eva@cpo.test',
    );
    const token = stack.eventTokens.fromEvent(
      issued.token,
      tokenContext.passwordReset(issued.userId),
    );
    const link = `${stack.gatewayUrl}/reset-password?token=${token}`;
    const response = await page.goto(link);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(response?.headers()['cache-control']).toBe('no-store');
    expect(await accessibilityViolations(page)).toEqual([]);

    await choose('Fresh-Browser-2026!', 'Something-Else-2026!');
    await page.getByRole('alert').getByText('not the same').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await choose('password');
    expect(await page.getByRole('alert').textContent()).toBeTruthy();

    await choose('Fresh-Browser-2026!');
    await page.getByRole('status').getByText('Your password has been changed').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await anonymous.login('eva@cpo.test', 'Fresh-Browser-2026!');

    await page.goto(link);
    await choose('Second-Try-2026!');
    await page.getByRole('alert').getByText('invalid or has expired').waitFor();
  });

  it('answers a malformed link with the same page as an expired one', async () => {
    const response = await page.goto(`${stack.gatewayUrl}/reset-password?token=<script>`);
    expect(response?.status()).toBe(400);
    await page.getByRole('alert').getByText('invalid or has expired').waitFor();
  });
});
