import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium } from './browser';
import { ConsoleBrowser } from './console';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { BOOTSTRAP_ADMIN, Stack } from './stack';

interface Named {
  id: string;
  name: string;
}

/** Drivers by clicks: Users → Drivers & Vehicles of a Pro account, and a driver's side panel. */
describe('the console: Users → Drivers & Vehicles', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Api;
  let operator: ConsoleBrowser;
  let depot: Named;
  let staffGroup: Named;
  let card: { id: string };
  let spareCard: { id: string };
  let driverUserId: string;

  const accountPath = (accountId: string) => `/v1/accounts/${accountId}`;

  async function created<Body>(path: string, body: unknown): Promise<Body> {
    const response = await admin.post<Body>(path, body);
    if (response.status !== 201)
      throw new Error(`${path} refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    ({ api: admin } = await Api.of(stack).loginAsAdmin());
    const flows = new InvitationFlows(stack, admin);
    depot = await flows.createAccount({ name: 'Depot Pro', type: 'consumer', licence: 'pro' });
    const account = accountPath(depot.id);
    await created(`${account}/cost-centers`, { name: 'Sales' });
    staffGroup = await created<Named>(`${account}/user-groups`, { name: 'Depot staff' });
    await created(`${account}/user-groups`, { name: 'Visitors' });
    card = await created(`${account}/charging-cards`, {
      uid: 'RFIDA001',
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      visualNumber: 'NL-ONR-0001',
      issuer: 'Onramp CPO',
    });
    spareCard = await created(`${account}/charging-cards`, {
      uid: 'RFIDB002',
      type: 'RFID',
      contractId: 'NL-TNM-C87654321-X',
      issuer: 'Onramp CPO',
    });

    // The driver registers with the account's code, as the app would: no one signed in.
    const settings = await admin.request<{ registrationCode: string }>(
      'PUT',
      `${account}/registration-settings`,
      { enabled: true },
    );
    const registered = await Api.of(stack).post('/v1/registrations', {
      registrationCode: settings.body.registrationCode,
      email: 'sam.self@depot.test',
      name: 'Sam Self',
      password: GOOD_PASSWORD,
    });
    expect(registered.status).toBe(201);
    const pending = await admin.get<{ items: { userId: string }[] }>(
      `/v1/registrations?status=pending&accountId=${depot.id}`,
    );
    driverUserId = pending.body.items[0].userId;

    browser = await launchChromium();
    operator = await ConsoleBrowser.open(browser, stack);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('approves a self-registered driver on "To be approved", who is then listed as active', async () => {
    await operator.goto(`/drivers?account=${depot.id}&status=to_be_approved`);
    await operator.signIn(
      BOOTSTRAP_ADMIN.email,
      BOOTSTRAP_ADMIN.password,
      new RegExp(`/console/drivers\\?account=${depot.id}&status=to_be_approved$`),
    );
    const page = operator.page;
    await page.getByRole('heading', { name: 'Drivers & Vehicles' }).waitFor();
    await page
      .getByText('Pro licence: each driver charges where their user groups allow.')
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Account' }).inputValue()).toBe('Depot Pro');
    const row = page.getByRole('row', { name: /sam\.self@depot\.test/ });
    await row.getByRole('cell', { name: 'Sam Self', exact: true }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);

    await row.getByRole('button', { name: 'Approve sam.self@depot.test' }).click();
    await page.getByRole('status').getByText('Sam Self is approved and may now charge.').waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Active' }).click();
    await page.waitForURL(new RegExp(`/console/drivers\\?account=${depot.id}&status=active$`));
    const active = page.getByRole('row', { name: /sam\.self@depot\.test/ });
    await active.getByText('Active', { exact: true }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    expect(operator.cspViolations).toEqual([]);
  });

  it('edits the driver in the side panel: a new cost center, a plate, a user group (required on Pro) and a card', async () => {
    const page = operator.page;
    await operator.goto(`/drivers?account=${depot.id}&status=active&q=sam.self`);
    await page.getByRole('button', { name: 'Sam Self' }).click();
    const panel = page.getByRole('dialog', { name: 'Driver' });
    await panel.getByRole('combobox', { name: 'Cost center' }).click();
    await page.getByRole('option', { name: '+ Add a new cost center' }).click();
    await panel.getByLabel('New cost center').fill('Fleet North');
    await panel.getByLabel('Licence plate').fill('ab-123-c');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel
      .getByText('Choose at least one user group: the account has a Pro licence.')
      .waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    const refused = await admin.get(`${accountPath(depot.id)}/drivers/${driverUserId}`);
    // Refused in the form: nothing of it reached the API.
    expect(refused.body).toMatchObject({
      costCenterId: null,
      vehicle: { make: null, model: null, licencePlate: null },
      userGroupIds: [],
    });

    await panel.getByLabel('User groups').click();
    await page.getByRole('option', { name: 'Depot staff' }).click();
    // A click beside the list closes it (Escape would close the panel as well).
    await panel.getByText('Basic information').click();
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').getByText('The driver is saved.').waitFor();
    // The panel now shows what was stored: the new cost center chosen, the plate as normalised.
    await panel
      .getByRole('combobox', { name: 'Cost center' })
      .and(page.locator('[value="Fleet North"]'))
      .waitFor();
    expect(await panel.getByLabel('Licence plate').inputValue()).toBe('AB123C');
    expect(await panel.getByLabel('New cost center').count()).toBe(0);

    await panel.getByRole('combobox', { name: 'Charging card to assign' }).click();
    await page.getByRole('option', { name: 'NL-ONR-0001 (RFIDA001)' }).click();
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByRole('status').getByText('The card is assigned.').waitFor();
    await panel.getByRole('button', { name: 'Remove NL-ONR-0001 (RFIDA001)' }).waitFor();
    expect(await operator.screenProblems()).toEqual([]);
    expect(operator.cspViolations).toEqual([]);

    const costCenters = await admin.get<{ items: Named[] }>(
      `${accountPath(depot.id)}/cost-centers`,
    );
    expect(costCenters.body.items.map((costCenter) => costCenter.name).sort()).toEqual([
      'Fleet North',
      'Sales',
    ]);
    const fleetNorth = costCenters.body.items.find(
      (costCenter) => costCenter.name === 'Fleet North',
    );
    const saved = await admin.get(`${accountPath(depot.id)}/drivers/${driverUserId}`);
    expect(saved.body).toEqual({
      accountId: depot.id,
      userId: driverUserId,
      email: 'sam.self@depot.test',
      name: 'Sam Self',
      status: 'active',
      costCenterId: fleetNorth?.id,
      info1: null,
      info2: null,
      vehicle: { make: null, model: null, licencePlate: 'AB123C' },
      userGroupIds: [staffGroup.id],
      prioritised: false,
      chargingCardIds: [card.id],
      invitation: null,
    });
    const spare = await admin.get(`${accountPath(depot.id)}/charging-cards/${spareCard.id}`);
    expect(spare.body).toMatchObject({ assignedUserId: null });
  });
});
