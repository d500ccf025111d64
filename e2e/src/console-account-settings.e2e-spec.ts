import { createHmac } from 'node:crypto';
import { WebhookReceiver } from '@onramp/testing';
import type { Browser, Locator } from 'playwright-core';
import { Api } from './api';
import { launchChromium } from './browser';
import { ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows, type Grants } from './invitation-flows';
import { BOOTSTRAP_ADMIN, eventually, Stack } from './stack';

const JOINING_CODE = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

describe('the console: an account’s settings tabs', () => {
  let stack: Stack;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let flows: InvitationFlows;
  let admin: Api;
  let operator: ConsoleBrowser;
  let zone: { id: string; name: string };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway'], {
      // The receiver is plain HTTP on loopback, which the installation refuses by default.
      notifications: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true' },
    });
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    flows = new InvitationFlows(stack, admin);
    zone = await flows.createAccount({ name: 'Charging Zone', type: 'consumer' });
    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
    // The copy buttons write to the clipboard; the test reads back what a user would paste.
    await operator.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stack.gatewayUrl,
    });
    await operator.goto(`/accounts/${zone.id}?tab=joining-codes`);
    await operator.signIn(
      BOOTSTRAP_ADMIN.email,
      BOOTSTRAP_ADMIN.password,
      /\/console\/accounts\/[^/?]+\?tab=joining-codes$/,
    );
    await operator.page.getByRole('heading', { name: 'Charging Zone' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await receiver?.stop();
  });

  const page = () => operator.page;
  const clipboard = () => page().evaluate<string>('navigator.clipboard.readText()');
  const openTab = async (name: string) => {
    await page().getByRole('tab', { name }).click();
    await page().getByRole('tab', { name, selected: true }).waitFor();
  };
  const confirm = async (row: Locator, action: string) => {
    await row.getByRole('button', { name: action }).click();
    await page()
      .getByRole('dialog', { name: action })
      .getByRole('button', { name: 'Confirm' })
      .click();
  };

  /** A signed-in user who belongs to an account of their own and to nothing else. */
  const signedInUser = async (email: string) => {
    const home = await flows.createAccount({ name: `Home of ${email}`, type: 'consumer' });
    await flows.invite({ kind: 'account', email, accountId: home.id });
    return (await flows.acceptFromEmail(email)).api;
  };

  let code: string;

  it('creates a joining code and copies it, and a driver joins the account with it at once', async () => {
    await page().getByRole('button', { name: '+ Create joining code' }).click();
    const dialog = page().getByRole('dialog', { name: 'Create joining code' });
    await dialog.getByLabel('Most uses').fill('0');
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await dialog.getByText('Enter a whole number from 1 to 100,000, or leave it empty.').waitFor();
    await dialog.getByLabel('Most uses').fill('5');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await dialog
      .getByText('Joining code created. Share it with the people who may join.')
      .waitFor();
    code = (await dialog.getByText(JOINING_CODE).textContent()) ?? '';
    expect(code).toMatch(JOINING_CODE);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await clipboard()).toBe(code);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const row = page().getByRole('row', { name: new RegExp(code) });
    await row.getByText('Active').waitFor();
    await row.getByText('0 of 5').waitFor();
    await row.getByRole('cell', { name: 'driver', exact: true }).waitFor();
    await page().evaluate('navigator.clipboard.writeText("")');
    await row.getByRole('button', { name: 'Copy' }).click();
    expect(await clipboard()).toBe(code);

    const driver = await signedInUser('zone.driver@cpo.test');
    const joined = await driver.post('/v1/joining-codes/redeem', { code: await clipboard() });
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({
      accountId: zone.id,
      accountName: 'Charging Zone',
      role: 'driver',
    });
    const me = await driver.get<Grants>('/v1/me');
    expect(me.body.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountIds: [zone.id], roles: ['driver'] }),
      ]),
    );
  });

  it('rotates the code, which the API then refuses, and revokes the new one', async () => {
    await page().reload();
    const row = page().getByRole('row', { name: new RegExp(code) });
    await row.getByText('1 of 5').waitFor();
    await confirm(row, 'Rotate');
    await page().getByText('The code was replaced; the old one no longer works.').waitFor();
    await row.waitFor({ state: 'detached' });
    const rotated = (await page().getByRole('cell', { name: JOINING_CODE }).textContent()) ?? '';
    expect(rotated).toMatch(JOINING_CODE);
    expect(rotated).not.toBe(code);

    const latecomer = await signedInUser('zone.latecomer@cpo.test');
    const withOld = await latecomer.post('/v1/joining-codes/redeem', { code });
    expect(withOld.status).toBe(410);

    const rotatedRow = page().getByRole('row', { name: new RegExp(rotated) });
    await confirm(rotatedRow, 'Revoke');
    await page().getByText('The code was revoked.').waitFor();
    await rotatedRow.getByText('Revoked').waitFor();
    await rotatedRow.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'detached' });
    const withRevoked = await latecomer.post('/v1/joining-codes/redeem', { code: rotated });
    expect(withRevoked.status).toBe(410);
  });

  it('adds a cost center, shows the API’s refusal of the same name again, and adds a user group with stations', async () => {
    await openTab('Cost centers');
    await page().getByLabel('New cost center').fill('Sales');
    await page().getByRole('button', { name: 'Add cost center' }).click();
    await page()
      .getByRole('row', { name: /^Sales/ })
      .waitFor();
    await page().getByLabel('New cost center').fill('Sales');
    await page().getByRole('button', { name: 'Add cost center' }).click();
    const refusal = page().getByRole('alert');
    await refusal
      .getByText('That did not work: this name is already used in the account')
      .waitFor();
    await refusal.getByText('name: must be unique within the account').waitFor();
    const costCenters = await admin.get<{ items: { name: string }[] }>(
      `/v1/accounts/${zone.id}/cost-centers`,
    );
    expect(costCenters.body.items.map((item) => item.name)).toEqual(['Sales']);

    await openTab('User groups');
    await page().getByLabel('New user group').fill('Depot drivers');
    await page().getByLabel('Stations', { exact: true }).fill('NL*TNM*E001, NL*TNM*E002');
    await page().getByRole('button', { name: 'Add user group' }).click();
    const group = page().getByRole('row', { name: /^Depot drivers/ });
    await group.getByText('NL*TNM*E001, NL*TNM*E002').waitFor();
    const userGroups = await admin.get<{ items: { name: string; stationIds: string[] }[] }>(
      `/v1/accounts/${zone.id}/user-groups`,
    );
    expect(userGroups.body.items).toEqual([
      expect.objectContaining({
        name: 'Depot drivers',
        stationIds: ['NL*TNM*E001', 'NL*TNM*E002'],
      }),
    ]);
  });

  it('searches the cost centers on the server: exactly the matching row, the search in the address', async () => {
    await openTab('Cost centers');
    const panel = page().getByRole('tabpanel');
    await panel.getByLabel('New cost center').fill('Marketing');
    await panel.getByRole('button', { name: 'Add cost center' }).click();
    await panel.getByRole('row', { name: /^Marketing/ }).waitFor();

    await panel.getByRole('searchbox', { name: 'Search' }).fill('SAL');
    await page().waitForURL(/[?&]q=SAL(&|$)/);
    await panel.getByRole('row', { name: /^Marketing/ }).waitFor({ state: 'detached' });
    await panel.getByRole('row', { name: /^Sales/ }).waitFor();
    // The header row and the one cost center whose name holds the search.
    expect(await panel.getByRole('row').count()).toBe(2);
    expect(await operator.screenProblems()).toEqual([]);

    // A typed % is a character, which no cost center's name holds.
    await panel.getByRole('searchbox', { name: 'Search' }).fill('%');
    await page().waitForURL(/[?&]q=%25(&|$)/);
    await panel.getByText('Nothing to show.').waitFor();
    expect(await panel.getByRole('row').count()).toBe(1);
  });

  it('adds a charging card and deletes it: the card stays listed, invalid', async () => {
    await openTab('Charging cards');
    await page().getByRole('button', { name: '+ Add charging card' }).click();
    const dialog = page().getByRole('dialog', { name: 'Add charging card' });
    await dialog.getByRole('textbox', { name: /^UID/ }).fill('04A2B3C4D5E6F7');
    await dialog.getByLabel('Contract id').fill('NL-123');
    await dialog.getByLabel('Issuer').fill('Charge Co');
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await dialog.getByText('Enter an eMA id, e.g. NL-TNM-C12345678-X.').waitFor();
    await dialog.getByLabel('Contract id').fill('NL-TNM-C12345678-X');
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page().getByRole('row', { name: /04A2B3C4D5E6F7/ });
    await row.getByText('Valid', { exact: true }).waitFor();
    await confirm(row, 'Delete');
    await page().getByText('Card 04A2B3C4D5E6F7 is now invalid.').waitFor();
    await row.getByText('Invalid', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Delete' }).waitFor({ state: 'detached' });
    const cards = await admin.get<{ items: { uid: string; valid: boolean }[] }>(
      `/v1/accounts/${zone.id}/charging-cards`,
    );
    expect(cards.body.items).toEqual([
      expect.objectContaining({ uid: '04A2B3C4D5E6F7', valid: false }),
    ]);
  });

  it('creates an API key whose secret is shown once, works against the API, and fails once revoked', async () => {
    await openTab('API keys');
    await page().getByRole('button', { name: '+ Create API key' }).click();
    const dialog = page().getByRole('dialog', { name: 'Create API key' });
    await dialog.getByLabel('Name').fill('Fleet sync');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Choose at least one permission.').waitFor();
    await dialog.getByRole('checkbox', { name: 'accounts.read' }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Copy the secret now: it is shown this once and never again.').waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    const secret = await clipboard();
    expect(secret.length).toBeGreaterThan(20);
    await dialog.getByText(secret).waitFor();

    const key = Api.of(stack, secret);
    const read = await key.get<{ id: string }>(`/v1/accounts/${zone.id}`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(zone.id);

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page().getByRole('row', { name: /^Fleet sync/ });
    await row.getByText('Active').waitFor();
    await row.getByText(`${secret.slice(0, 6)}`).waitFor();
    // Opened again, the dialog is a new form: the secret is nowhere on the page any more.
    await page().getByRole('button', { name: '+ Create API key' }).click();
    await dialog.getByLabel('Name').waitFor();
    expect(await page().content()).not.toContain(secret);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await confirm(row, 'Revoke');
    await page().getByText('The key Fleet sync was revoked.').waitFor();
    await row.getByText('Revoked').waitFor();
    expect((await key.get(`/v1/accounts/${zone.id}`)).status).toBe(401);
  });

  it('turns self-registration on: a driver registers with the copied code; a new code replaces it', async () => {
    await openTab('Self-registration');
    await page().getByRole('switch', { name: 'Drivers may register themselves' }).check();
    await page().getByRole('button', { name: 'Save' }).click();
    await page().getByText('Self-registration settings saved.').waitFor();
    await page().getByRole('button', { name: 'Copy' }).click();
    const first = await clipboard();
    await page().getByText(first, { exact: true }).waitFor();
    const register = (registrationCode: string, email: string) =>
      Api.of(stack).post<{ status: string }>('/v1/registrations', {
        registrationCode,
        email,
        name: 'Self Registered',
        password: GOOD_PASSWORD,
      });
    const registered = await register(first, 'self@zone.test');
    expect(registered.status).toBe(201);
    expect(registered.body.status).toBe('pending');

    await page().getByRole('checkbox', { name: 'Issue a new registration code' }).check();
    await page().getByRole('button', { name: 'Save' }).click();
    await page().getByText(first, { exact: true }).waitFor({ state: 'detached' });
    await page().getByRole('button', { name: 'Copy' }).click();
    const second = await clipboard();
    expect(second).not.toBe(first);
    expect((await register(first, 'late@zone.test')).status).toBe(410);
    expect((await register(second, 'late@zone.test')).status).toBe(201);
  });

  it('adds a webhook whose secret signs the deliveries, shows its delivery log, and deletes it', async () => {
    await openTab('Webhooks');
    await page().getByRole('button', { name: '+ Add webhook' }).click();
    const dialog = page().getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByLabel('Address').fill('hooks.zone.test');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByText('Enter a web address starting with https://.').waitFor();
    await dialog.getByText('Choose from 1 to 50 events.').waitFor();
    await dialog.getByLabel('Address').fill(receiver.url('/zone'));
    await dialog.getByRole('checkbox', { name: 'account.created' }).check();
    expect(await operator.screenProblems()).toEqual([]);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.getByText('Copy the secret now: it is shown this once and never again.').waitFor();
    await dialog.getByRole('button', { name: 'Copy' }).click();
    const secret = await clipboard();
    await dialog.getByText(secret).waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    const row = page().getByRole('row', { name: new RegExp(receiver.url('/zone')) });
    await row.getByText('Enabled').waitFor();

    const depot = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Depot Zone',
      type: 'consumer',
      parentId: zone.id,
      relation: 'employee',
    });
    expect(depot.status).toBe(201);
    await eventually('the endpoint to hear of the sub-account', () =>
      Promise.resolve(receiver.received('/zone').length > 0),
    );
    // Signed with the secret the dialog showed: HMAC-SHA256 over "<t>.<body>".
    const [delivery] = receiver.received('/zone');
    const signature = /^t=(\d+),v1=([0-9a-f]+)$/.exec(
      String(delivery?.headers['onramp-signature']),
    );
    const expected = createHmac('sha256', secret).update(`${signature?.[1]}.${delivery?.body}`);
    expect(signature?.[2]).toBe(expected.digest('hex'));
    const [webhook] = (
      await admin.get<{ items: { id: string }[] }>(`/v1/webhooks?accountId=${zone.id}`)
    ).body.items;
    await eventually('the delivery to be logged as delivered', async () => {
      const log = await admin.get<{ items: { status: string }[] }>(
        `/v1/webhooks/${webhook?.id}/deliveries`,
      );
      return (
        log.body.items.length > 0 && log.body.items.every((item) => item.status === 'delivered')
      );
    });

    await row.getByRole('button', { name: 'Delivery log' }).click();
    const drawer = page().getByRole('dialog', { name: 'Delivery log' });
    const logged = drawer.getByRole('row', { name: /^account\.created/ });
    await logged.getByText('Delivered').waitFor();
    await logged.getByRole('cell', { name: '200', exact: true }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    await page().keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await confirm(row, 'Delete');
    await page().getByText('The webhook was deleted.').waitFor();
    await page().getByText('No webhooks yet.').waitFor();
  });

  // Each tab as the earlier steps left it: with a row in each list, and none on Webhooks.
  it.each([
    ['Joining codes', 'Revoked'],
    ['Self-registration', 'Drivers may register themselves'],
    ['Cost centers', 'Sales'],
    ['User groups', 'Depot drivers'],
    ['Charging cards', '04A2B3C4D5E6F7'],
    ['API keys', 'Fleet sync'],
    ['Webhooks', 'No webhooks yet.'],
  ])(
    'shows the %s tab without accessibility problems at laptop and phone widths',
    async (tab, shown) => {
      await openTab(tab);
      await page().getByRole('tabpanel').getByText(shown, { exact: true }).first().waitFor();
      expect(await operator.screenProblems()).toEqual([]);
      expect(operator.cspViolations).toEqual([]);
    },
  );
});
