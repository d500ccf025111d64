import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium, pageWithoutJavaScript } from './browser';
import { acceptInvitationPage, ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { BOOTSTRAP_ADMIN, Stack } from './stack';

interface AccountJson {
  id: string;
  name: string;
  parentId: string | null;
  relation: string | null;
  type: string;
  plan: string | null;
  licence: string;
  level: string | null;
  language: string;
  company: { legalName: string; registrationNumber: string | null } | null;
  contact: { name: string; email: string | null } | null;
  billingAddress: { line1: string; postalCode: string; city: string; country: string } | null;
  paymentReference: string | null;
  reimbursementRateEurPerKwh: string | null;
  stationIssueEmails: boolean;
}

interface UserJson {
  id: string;
  email: string;
  status: string;
  memberships: { accountIds: string[]; roles: string[] }[];
}

describe('the console: Accounts, an account page and its invitations', () => {
  let stack: Stack;
  let browser: Browser;
  let flows: InvitationFlows;
  let admin: Api;
  let operator: ConsoleBrowser;
  let fleetId: string;
  let otherCustomer: { id: string; name: string };

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    flows = new InvitationFlows(stack, admin);
    otherCustomer = await flows.createAccount({ name: 'Other Customer', type: 'consumer' });
    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
    await operator.goto('/accounts');
    await operator.signIn(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password, /\/console\/accounts$/);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('creates an account with every field, kept exactly as typed', async () => {
    await operator.page.getByRole('button', { name: '+ New account' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'New account' });
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('Enter the account name (at most 200 characters).').waitFor();
    await dialog.getByText('Choose business or consumer.').waitFor();
    await dialog.getByRole('radio', { name: 'Business' }).check();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('A business account needs its legal name.').waitFor();
    await dialog.getByText('A business account needs its billing address.').waitFor();

    await dialog.getByLabel('Account name').fill('Fleet Partners');
    await dialog.getByRole('radio', { name: 'Business' }).check();
    await dialog.getByLabel('Plan').fill('pro');
    await dialog.getByLabel('Licence').selectOption('pro');
    await dialog.getByLabel('Admin level').selectOption('enterprise');
    await dialog.getByLabel("Language of the account's emails").selectOption('nl');
    await dialog.getByLabel('Legal name').fill('Fleet Partners B.V.');
    await dialog.getByLabel('Chamber of commerce number').fill('12345678');
    await dialog.getByLabel('Contact name').fill('Ada Admin');
    await dialog.getByLabel('Contact email').fill('ada@fleet.test');
    await dialog.getByLabel('Street and number').fill('Laan 1');
    await dialog.getByLabel('Postal code').fill('1234 AB');
    await dialog.getByLabel('City').fill('Utrecht');
    await dialog.getByLabel('Country (two letters, e.g. NL)').fill('nl');
    await dialog.getByLabel('Payment reference').fill('SEPA-42');
    await dialog.getByLabel('Reimbursement rate (EUR per kWh)').fill('0.31255');
    await dialog.getByLabel('Email the account about issues of its charging stations').uncheck();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('The country is two capital letters, e.g. NL.').waitFor();
    await dialog
      .getByText('A rate from 0 to 10 with at most four decimals, e.g. 0.3125.')
      .waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    await dialog.getByLabel('Country (two letters, e.g. NL)').fill('NL');
    await dialog.getByLabel('Reimbursement rate (EUR per kWh)').fill('0.3125');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('Account Fleet Partners created.').waitFor();
    await dialog.getByRole('link', { name: 'Open the account' }).click();
    await operator.page.waitForURL(/\/console\/accounts\/[0-9a-f-]{36}$/);
    fleetId = operator.page.url().split('/').pop() ?? '';

    await operator.page.getByRole('heading', { name: 'Fleet Partners' }).waitFor();
    await operator.page.getByRole('row', { name: /Reimbursement rate.*0\.3125/ }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    const saved = await admin.get<AccountJson>(`/v1/accounts/${fleetId}`);
    expect(saved.body).toMatchObject({
      name: 'Fleet Partners',
      type: 'business',
      plan: 'pro',
      licence: 'pro',
      level: 'enterprise',
      language: 'nl',
      company: { legalName: 'Fleet Partners B.V.', registrationNumber: '12345678' },
      contact: { name: 'Ada Admin', email: 'ada@fleet.test' },
      billingAddress: { line1: 'Laan 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
      paymentReference: 'SEPA-42',
      reimbursementRateEurPerKwh: '0.3125',
      stationIssueEmails: false,
    });
  });

  it('finds the account by typing its name', async () => {
    await operator.goto('/accounts');
    await operator.page.getByLabel('Search').fill('fleet part');
    await operator.page.waitForURL(/q=fleet\+part/);
    await operator.page.getByRole('link', { name: 'Fleet Partners' }).waitFor();
    await operator.page
      .getByRole('link', { name: 'Other Customer' })
      .waitFor({ state: 'detached' });
  });

  it('adds a business sub-account, whose invitee gives the company details on accepting', async () => {
    await operator.goto(`/accounts/${fleetId}?tab=sub-accounts`);
    await operator.page.getByRole('button', { name: '+ Add sub-account' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Add sub-account' });
    await dialog.getByLabel('Invitee’s email').fill('emp@fleet.test');
    // The account's emails are in Dutch; this invitee reads English.
    await dialog.getByLabel('Language').selectOption('en');
    await dialog.getByRole('radio', { name: 'Employee' }).check();
    await dialog.getByLabel('Account name').fill('Fleet Partners – Utrecht');
    await dialog.getByRole('radio', { name: 'Business' }).check();
    await dialog.getByLabel('Reimbursement rate (EUR per kWh)').fill('0.2150');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog
      .getByText('Invitation sent to emp@fleet.test. The sub-account is created when they accept.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await operator.page.getByRole('button', { name: 'emp@fleet.test' }).waitFor();

    const token = flows.tokenIn(await flows.emailTo('emp@fleet.test'));
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(invitee, `${stack.gatewayUrl}/invite/${token}`, GOOD_PASSWORD, {
      'Your name': 'Emma Ployee',
      'Legal name': 'Fleet Utrecht B.V.',
      'VAT number': 'NL123456789B01',
    });
    await invitee.context().close();

    await operator.page.reload();
    await operator.page.getByRole('link', { name: 'Fleet Partners – Utrecht' }).waitFor();
    const subAccounts = await admin.get<{ items: AccountJson[] }>(
      `/v1/accounts?parentId=${fleetId}`,
    );
    expect(subAccounts.body.items).toHaveLength(1);
    expect(subAccounts.body.items[0]).toMatchObject({
      name: 'Fleet Partners – Utrecht',
      relation: 'employee',
      type: 'business',
      reimbursementRateEurPerKwh: '0.2150',
      company: { legalName: 'Fleet Utrecht B.V.' },
    });
  });

  it('invites a user with a personal text into two accounts, listed after accepting', async () => {
    await operator.goto(`/accounts/${fleetId}?tab=users`);
    await operator.page.getByRole('button', { name: '+ Invite user' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Invite user' });
    await dialog.getByLabel('Email').fill('billing@fleet.test');
    await dialog.getByLabel('Language').selectOption('en');
    await dialog.getByLabel(/^Role/).click();
    await operator.page.getByRole('option', { name: /^billing_admin/ }).click();
    await dialog.getByLabel(/^Accounts they may act on/).fill('Other Cust');
    await operator.page.getByRole('option', { name: 'Other Customer' }).click();
    await dialog.getByLabel('Personal message').fill('Welcome to the fleet, see you Monday.');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent to billing@fleet.test.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const email = await flows.emailTo('billing@fleet.test');
    expect(email.text).toContain('Welcome to the fleet, see you Monday.');
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(
      invitee,
      `${stack.gatewayUrl}/invite/${flows.tokenIn(email)}`,
      GOOD_PASSWORD,
      { 'Your name': 'Bill Ing' },
    );
    await invitee.context().close();

    await operator.page.reload();
    const row = operator.page.getByRole('row', { name: /billing@fleet\.test/ });
    await row.getByText('billing_admin').waitFor();
    await row.getByText('Active').waitFor();
    const users = await admin.get<{ items: UserJson[] }>('/v1/users?q=billing%40fleet.test');
    expect(users.body.items).toHaveLength(1);
    // One membership, its role held in both accounts chosen: the permission level.
    expect(users.body.items[0].memberships).toHaveLength(1);
    expect(users.body.items[0].memberships[0].roles).toEqual(['billing_admin']);
    expect([...users.body.items[0].memberships[0].accountIds].sort()).toEqual(
      [fleetId, otherCustomer.id].sort(),
    );
  });

  it('invites an enterprise admin, who then sees only the accounts they manage', async () => {
    await operator.goto(`/accounts/${fleetId}?tab=admins`);
    await operator.page.getByRole('button', { name: '+ Invite admin' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Invite admin' });
    await dialog.getByLabel('Email').fill('enterprise@fleet.test');
    await dialog.getByLabel('Language').selectOption('en');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Choose the admin level.').waitFor();
    await dialog.getByRole('radio', { name: 'Enterprise' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('Invitation sent to enterprise@fleet.test.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    const pending = operator.page.getByRole('row', { name: /enterprise@fleet\.test/ });
    await pending.getByText('Pending').waitFor();

    const token = flows.tokenIn(await flows.emailTo('enterprise@fleet.test'));
    const invitee = await pageWithoutJavaScript(browser);
    await acceptInvitationPage(invitee, `${stack.gatewayUrl}/invite/${token}`, GOOD_PASSWORD, {
      'Your name': 'Eve Enterprise',
    });
    await invitee.context().close();
    await operator.page.reload();
    await pending.getByText('Accepted').waitFor();

    const enterprise = await ConsoleBrowser.open(browser, stack);
    await enterprise.goto('/accounts');
    await enterprise.signIn('enterprise@fleet.test', GOOD_PASSWORD, /\/console\/accounts$/);
    await enterprise.page.getByRole('link', { name: 'Fleet Partners', exact: true }).waitFor();
    const names = await enterprise.page.getByRole('table').getByRole('link').allTextContents();
    expect(names.sort()).toEqual(['Fleet Partners', 'Fleet Partners – Utrecht']);
    // The operator's menu entries are not offered to a customer's admin.
    await enterprise.page
      .getByRole('link', { name: 'System users' })
      .waitFor({ state: 'detached' });
    expect(await enterprise.screenProblems()).toEqual([]);
    expect(enterprise.cspViolations).toEqual([]);
    await enterprise.close();
  });

  it('edits the account on its Details tab: the details and the API show the new values', async () => {
    await operator.goto(`/accounts/${fleetId}`);
    await operator.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Edit account' });
    await dialog.getByLabel('Account name').fill('Fleet Partners Europe');
    await dialog.getByLabel('Reimbursement rate (EUR per kWh)').fill('0.2875');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await operator.page.getByRole('heading', { name: 'Fleet Partners Europe' }).waitFor();
    await operator.page.getByRole('row', { name: /Account name.*Fleet Partners Europe/ }).waitFor();
    await operator.page.getByRole('row', { name: /Reimbursement rate.*0\.2875/ }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    const saved = await admin.get<AccountJson>(`/v1/accounts/${fleetId}`);
    expect(saved.status).toBe(200);
    // The fields not changed are as created.
    expect(saved.body).toMatchObject({
      name: 'Fleet Partners Europe',
      reimbursementRateEurPerKwh: '0.2875',
      plan: 'pro',
      company: { legalName: 'Fleet Partners B.V.', registrationNumber: '12345678' },
      contact: { name: 'Ada Admin', email: 'ada@fleet.test' },
      billingAddress: { line1: 'Laan 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
      paymentReference: 'SEPA-42',
      stationIssueEmails: false,
    });
  });
});
