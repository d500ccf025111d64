import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium, pageWithoutJavaScript } from './browser';
import { acceptInvitationPage, ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { BOOTSTRAP_ADMIN, eventually, Stack } from './stack';

interface AccountJson {
  id: string;
  name: string;
  parentId: string | null;
  type: string;
  reimbursementRateEurPerKwh: string | null;
}

interface UserJson {
  id: string;
  email: string;
  status: string;
  memberships: { accountIds: string[]; roles: string[] }[];
}

describe('the console: Users → Customers, inviting clients and end-users', () => {
  let stack: Stack;
  let browser: Browser;
  let flows: InvitationFlows;
  let admin: Api;
  let operator: ConsoleBrowser;
  let harbourFleet: { id: string; name: string };
  let harbourFreight: { id: string; name: string };

  const userByEmail = async (email: string) =>
    (await admin.get<{ items: UserJson[] }>(`/v1/users?q=${encodeURIComponent(email)}`)).body.items;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    flows = new InvitationFlows(stack, admin);
    // Two names that begin alike, so typing the common part finds both and the pick decides.
    harbourFleet = await flows.createAccount({
      name: 'Harbour Fleet',
      type: 'consumer',
      language: 'en',
    });
    harbourFreight = await flows.createAccount({
      name: 'Harbour Freight',
      type: 'consumer',
      language: 'en',
    });
    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
    await operator.goto('/users/customers');
    await operator.signIn(
      BOOTSTRAP_ADMIN.email,
      BOOTSTRAP_ADMIN.password,
      /\/console\/users\/customers$/,
    );
    await operator.page.getByRole('heading', { name: 'Customers' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('invites a client as the owner of the account picked by typing, listed active once accepted', async () => {
    await operator.page.getByRole('button', { name: '+ Invite client' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Invite client' });
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Enter an email address.').waitFor();
    await dialog.getByText("Choose the customer's account.").waitFor();
    await dialog.getByText('Tick the account owner role.').waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    await dialog.getByLabel('Email').fill('olga@freight.test');
    await dialog.getByLabel(/^Customer's account/).fill('harbour');
    // Both accounts are found; only the one clicked may be the invitation's.
    await operator.page.getByRole('option', { name: 'Harbour Fleet', exact: true }).waitFor();
    await operator.page.getByRole('option', { name: 'Harbour Freight', exact: true }).click();
    await dialog.getByRole('checkbox', { name: 'Account owner' }).check();
    await dialog.getByLabel('Language').selectOption('en');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent to olga@freight.test.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    const token = flows.tokenIn(await flows.emailTo('olga@freight.test'));
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(invitee, `${stack.gatewayUrl}/invite/${token}`, GOOD_PASSWORD, {
      'Your name': 'Olga Owner',
    });
    await invitee.context().close();

    await operator.page.getByLabel('Status').selectOption('active');
    await operator.page.waitForURL(/status=active/);
    const row = operator.page.getByRole('row', { name: /olga@freight\.test/ });
    await row.getByRole('button', { name: 'Olga Owner' }).waitFor();
    await row.getByRole('cell', { name: 'account_owner', exact: true }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    const users = await userByEmail('olga@freight.test');
    expect(users).toHaveLength(1);
    expect(users[0].status).toBe('active');
    expect(users[0].memberships).toHaveLength(1);
    expect(users[0].memberships[0]).toMatchObject({
      accountIds: [harbourFreight.id],
      roles: ['account_owner'],
    });
  });

  it('invites an end-user: listed as an open invitation, then a sub-account with the rate as typed', async () => {
    await operator.goto('/users/customers');
    await operator.page.getByRole('button', { name: '+ Invite end-user' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Invite end-user' });
    await dialog.getByLabel('Email').fill('eva@fleet.test');
    await dialog.getByLabel('Account name').fill('Harbour Fleet – Eva');
    await dialog.getByRole('radio', { name: 'Driver' }).check();
    await dialog.getByRole('radio', { name: 'Consumer' }).check();
    await dialog.getByLabel(/^Customer's account/).fill('harbour');
    await operator.page.getByRole('option', { name: 'Harbour Freight', exact: true }).waitFor();
    await operator.page.getByRole('option', { name: 'Harbour Fleet', exact: true }).click();
    await dialog.getByLabel('Reimbursement rate (EUR/kWh)').fill('0.3125');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent to eva@fleet.test.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await operator.page.getByRole('tab', { name: 'Open invitations' }).click();
    await operator.page.waitForURL(/view=invitations/);
    await operator.page.getByLabel('Invited as').selectOption('end_user');
    await operator.page.waitForURL(/kind=end_user/);
    await operator.page
      .getByRole('row', { name: /eva@fleet\.test/ })
      .getByRole('button', { name: 'eva@fleet.test' })
      .waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    const token = flows.tokenIn(await flows.emailTo('eva@fleet.test'));
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(invitee, `${stack.gatewayUrl}/invite/${token}`, GOOD_PASSWORD, {
      'Your name': 'Eva Driver',
    });
    await invitee.context().close();

    // Accounts makes the sub-account from the acceptance's event, a moment after the answer.
    let subAccounts: AccountJson[] = [];
    await eventually('the sub-account exists', async () => {
      subAccounts = (
        await admin.get<{ items: AccountJson[] }>(`/v1/accounts?parentId=${harbourFleet.id}`)
      ).body.items;
      return subAccounts.length > 0;
    });
    expect(subAccounts).toHaveLength(1);
    expect(subAccounts[0]).toMatchObject({
      name: 'Harbour Fleet – Eva',
      parentId: harbourFleet.id,
      type: 'consumer',
      reimbursementRateEurPerKwh: '0.3125',
    });
    const users = await userByEmail('eva@fleet.test');
    expect(users).toHaveLength(1);
    expect(users[0].memberships).toHaveLength(1);
    expect(users[0].memberships[0]).toMatchObject({
      accountIds: [subAccounts[0].id],
      roles: ['driver'],
    });
    const otherChildren = await admin.get<{ items: AccountJson[] }>(
      `/v1/accounts?parentId=${harbourFreight.id}`,
    );
    expect(otherChildren.body.items).toEqual([]);
  });

  it('refuses a rate with five decimals in the form, and sends nothing', async () => {
    await operator.goto('/users/customers');
    await operator.page.getByRole('button', { name: '+ Invite end-user' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Invite end-user' });
    await dialog.getByLabel('Email').fill('rita@fleet.test');
    await dialog.getByLabel('Account name').fill('Harbour Fleet – Rita');
    await dialog.getByRole('radio', { name: 'Driver' }).check();
    await dialog.getByRole('radio', { name: 'Consumer' }).check();
    await dialog.getByLabel(/^Customer's account/).fill('harbour fl');
    await operator.page.getByRole('option', { name: 'Harbour Fleet', exact: true }).click();
    await dialog.getByLabel('Reimbursement rate (EUR/kWh)').fill('0.31255');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog
      .getByText('Enter a rate from 0 to 10 with a point and at most 4 decimals, e.g. 0.3125.')
      .waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Every end-user invitation, of any status: only the one accepted before.
    const invitations = await admin.get<{ items: { email: string }[] }>(
      '/v1/invitations?kind=end_user',
    );
    expect(invitations.status).toBe(200);
    expect(invitations.body.items.map((invitation) => invitation.email)).toEqual([
      'eva@fleet.test',
    ]);
    expect(operator.cspViolations).toEqual([]);
  });
});
