import type { Browser, Page } from 'playwright-core';
import { Api } from './api';
import { accessibilityViolations, launchChromium, pageWithoutJavaScript } from './browser';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { Stack } from './stack';

describe('the invitation acceptance page, in a browser without JavaScript', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    const { api: admin } = await Api.of(stack).loginAsAdmin();
    flows = new InvitationFlows(stack, admin);
    browser = await launchChromium();
    page = await pageWithoutJavaScript(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('takes the invitee from the emailed link to an active user of a new business sub-account', async () => {
    const parent = await flows.createAccount({ name: 'Browser Group', type: 'consumer' });
    await flows.invite({
      kind: 'sub_account',
      email: 'browser@fleet.test',
      name: 'Bea Browser',
      parentAccountId: parent.id,
      relation: 'employee',
      accountName: 'Bea Fleet',
      accountType: 'business',
      personalMessage: 'See you on the road <b>soon</b>',
    });
    const token = flows.tokenIn(await flows.emailTo('browser@fleet.test'));
    const response = await page.goto(`${stack.gatewayUrl}/invite/${token}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByText('See you on the road <b>soon</b>').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Bea Browser');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Choose a password').fill('password');
    await page.getByLabel('Repeat the password').fill('password');
    await page.getByLabel('Legal name').fill('Bea Fleet B.V.');
    await page.getByLabel('VAT number').fill('NL000099998B57');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByText('The password does not meet the requirements').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Choose a password').fill(GOOD_PASSWORD);
    await page.getByLabel('Repeat the password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const { api } = await Api.of(stack).login('browser@fleet.test', GOOD_PASSWORD);
    const me = await api.get<{ user: { status: string; name: string } }>('/v1/me');
    expect(me.body.user).toMatchObject({ status: 'active', name: 'Bea Browser' });

    // The link has done its work: opening it again says so.
    const again = await page.goto(`${stack.gatewayUrl}/invite/${token}`);
    expect(again?.status()).toBe(410);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a weak password and a missing company number at once, each beside its field', async () => {
    const parent = await flows.createAccount({ name: 'Problem Group', type: 'consumer' });
    await flows.invite({
      kind: 'sub_account',
      email: 'problems@fleet.test',
      name: 'Pia Problem',
      parentAccountId: parent.id,
      relation: 'subsidiary',
      accountName: 'Pia Fleet',
      accountType: 'business',
    });
    const token = flows.tokenIn(await flows.emailTo('problems@fleet.test'));
    await page.goto(`${stack.gatewayUrl}/invite/${token}`);
    await page.getByLabel('Choose a password').fill('password');
    await page.getByLabel('Repeat the password').fill('password');
    await page.getByLabel('Legal name').fill('Pia Fleet B.V.');
    await page.getByRole('button', { name: 'Accept invitation' }).click();

    const password = page.getByLabel('Choose a password');
    await password.waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toBe('password-error password-policy');
    expect(await page.locator('#password-error').innerText()).toContain(
      'The password does not meet the requirements',
    );
    const number = page.getByLabel('Registration number (chamber of commerce)');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#registrationNumber-error').innerText()).toBe(
      'Enter the registration number or the VAT number.',
    );
    expect(await page.getByRole('alert').getByRole('link').allInnerTexts()).toEqual([
      expect.stringMatching(/^Choose a password: /),
      'Registration number (chamber of commerce): Enter the registration number or the VAT number.',
    ]);
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Pia Fleet B.V.');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
