import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium, pageWithoutJavaScript } from './browser';
import { acceptInvitationPage, ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { BOOTSTRAP_ADMIN, Stack } from './stack';

describe('the console: signing in, and Users → System users', () => {
  let stack: Stack;
  let browser: Browser;
  let flows: InvitationFlows;
  let admin: Api;
  let operator: ConsoleBrowser;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    flows = new InvitationFlows(stack, admin);
    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('sends a visitor to sign in and back to the page asked for, keeping no token in storage', async () => {
    await operator.goto('/users/system?status=invited');
    await operator.page.waitForURL(/\/console\/login\?next=/);
    expect(await operator.screenProblems()).toEqual([]);

    await operator.signIn(BOOTSTRAP_ADMIN.email, 'not-the-password', /\/console\/login/);
    await operator.page.getByRole('alert').getByText('do not match an active user').waitFor();
    await operator.signIn(
      BOOTSTRAP_ADMIN.email,
      BOOTSTRAP_ADMIN.password,
      /\/console\/users\/system\?status=invited$/,
    );
    await operator.page.getByRole('heading', { name: 'System users' }).waitFor();

    expect(await operator.storedValues()).toEqual([]);
    const cookies = await operator.context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'onramp_console_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    // Only the CSRF token is visible to scripts; the refresh token never is.
    expect(await operator.page.evaluate<string>('document.cookie')).toMatch(
      /^onramp_console_csrf=[\w-]+$/,
    );
    expect(operator.cspViolations).toEqual([]);
  });

  it('keeps the session over a reload, from the refresh cookie alone', async () => {
    await operator.page.reload();
    await operator.page.getByRole('heading', { name: 'System users' }).waitFor();
    expect(operator.page.url()).toMatch(/\/console\/users\/system\?status=invited$/);
  });

  it('invites a system user with two roles, who accepts from the email and is then listed as active', async () => {
    await operator.goto('/users/system?status=invited');
    await operator.page.getByRole('button', { name: '+ Add system user' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Add system user' });
    await dialog.getByLabel('Email').fill('sam.support@cpo.test');
    await dialog.getByLabel('Name').fill('Sam Support');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Choose at least one role.').waitFor();
    await dialog.getByRole('checkbox', { name: /^support/ }).check();
    await dialog.getByRole('checkbox', { name: /^billing/ }).check();
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent to sam.support@cpo.test.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const row = operator.page.getByRole('row', { name: /sam\.support@cpo\.test/ });
    await row.getByText('support, billing').waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    const token = flows.tokenIn(await flows.emailTo('sam.support@cpo.test'));
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(invitee, `${stack.gatewayUrl}/invite/${token}`, GOOD_PASSWORD);
    await invitee.context().close();

    await operator.page.getByRole('tab', { name: 'Active' }).click();
    await operator.page.waitForURL(/status=active/);
    const active = operator.page.getByRole('row', { name: /sam\.support@cpo\.test/ });
    await active.getByText('Active').waitFor();
    await active.getByText('support, billing').waitFor();
  });

  it('resends an invitation, then cancels it, and the invited list no longer shows it', async () => {
    await flows.invite({
      kind: 'system_user',
      email: 'fay.field@cpo.test',
      roles: ['field_service'],
    });
    await flows.emailTo('fay.field@cpo.test');
    await operator.goto('/users/system?status=invited');
    await operator.page.getByRole('button', { name: 'fay.field@cpo.test' }).click();
    const panel = operator.page.getByRole('dialog', { name: 'Invitation' });
    await panel.getByRole('button', { name: 'Resend invitation' }).click();
    await panel.getByText('Invitation sent again.').waitFor();
    const first = flows.tokenIn(await flows.emailTo('fay.field@cpo.test'));
    const resent = flows.tokenIn(await flows.emailTo('fay.field@cpo.test', [first]));
    expect(resent).not.toBe(first);
    expect(await operator.screenProblems()).toEqual([]);

    await panel.getByRole('button', { name: 'Cancel invitation' }).click();
    await panel.waitFor({ state: 'hidden' });
    await operator.page
      .getByRole('row', { name: /fay\.field@cpo\.test/ })
      .waitFor({ state: 'detached' });
    expect((await flows.openPage(resent)).status).toBe(410);
  });

  it('deactivates, reactivates and deletes a system user', async () => {
    await operator.goto('/users/system?status=active&q=sam.support');
    await operator.page.getByRole('button', { name: 'Sam Support' }).click();
    const panel = operator.page.getByRole('dialog', { name: 'User', exact: true });
    await panel.getByRole('button', { name: 'Deactivate' }).click();
    await panel.getByRole('button', { name: 'Reactivate' }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    const login = await Api.of(stack).post('/v1/auth/login', {
      email: 'sam.support@cpo.test',
      password: GOOD_PASSWORD,
    });
    expect(login.status).toBe(401);

    await panel.getByRole('button', { name: 'Delete user' }).click();
    await operator.page
      .getByRole('dialog', { name: 'Delete user' })
      .getByRole('button', { name: 'Confirm' })
      .click();
    await panel.waitFor({ state: 'hidden' });
    const users = await admin.get<{ items: unknown[] }>('/v1/users?q=sam.support');
    expect(users.body.items).toEqual([]);
  });

  it('signs out: the refresh cookie is gone and the console asks to sign in again', async () => {
    await operator.goto('/users/system');
    await operator.page.getByRole('button', { name: /Sign out/ }).click();
    await operator.page.waitForURL(/\/console\/login/);
    await operator.page.reload();
    await operator.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(operator.cspViolations).toEqual([]);
  });
});
