import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { GOOD_PASSWORD, InvitationFlows, type InvitationJson } from './invitation-flows';
import { eventually, Stack } from './stack';

interface DriverRow {
  accountId: string;
  userId: string | null;
  email: string;
  name: string;
  status: string;
  chargingCardIds: string[];
  invitation: { id: string; status: string; expiresAt: string } | null;
}
interface DriverPage {
  items: DriverRow[];
  nextCursor: string | null;
}

/** The drivers' Active and Invited tabs, and the cards of a listed driver. */
describe('drivers: invited by email, then active with a card', () => {
  let stack: Stack;
  let flows: InvitationFlows;
  let customer: { id: string };
  let customerAdmin: Api;
  let otherAdmin: Api;

  const tab = (name: 'active' | 'invited', as: Api = customerAdmin) =>
    as.get<DriverPage>(`/v1/accounts/${customer.id}/drivers?tab=${name}`);

  /** A customer account with its own account admin, signed in. */
  async function customerWithAdmin(admin: Api, name: string) {
    const account = await flows.createAccount({ name, type: 'consumer' });
    const email = `admin-${randomUUID()}@customer.test`;
    const created = await admin.post('/v1/users', {
      email,
      name: `${name} Admin`,
      password: GOOD_PASSWORD,
      memberships: [{ accountIds: [account.id], roles: ['account_admin'] }],
    });
    expect(created.status).toBe(201);
    return { account, api: (await Api.of(stack).login(email, GOOD_PASSWORD)).api };
  }

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    const admin = (await Api.of(stack).loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
    const mine = await customerWithAdmin(admin, 'Depot Fleet');
    customer = mine.account;
    customerAdmin = mine.api;
    otherAdmin = (await customerWithAdmin(admin, 'Other Fleet')).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('lists an emailed driver invitation as invited, resends it from there, and moves the driver to active on acceptance', async () => {
    const email = 'dana.driver@depot.test';
    const invitation = await flows.invite(
      { kind: 'account', accountId: customer.id, role: 'driver', email, name: 'Dana Driver' },
      customerAdmin,
    );
    const firstToken = flows.tokenIn(await flows.emailTo(email));

    let row: DriverRow | undefined;
    await eventually('the invitation to be on the invited tab', async () => {
      row = (await tab('invited')).body.items.find((item) => item.email === email);
      return row !== undefined;
    });
    expect(row).toEqual({
      accountId: customer.id,
      userId: null,
      email,
      name: 'Dana Driver',
      status: 'invited',
      costCenterId: null,
      info1: null,
      info2: null,
      vehicle: { make: null, model: null, licencePlate: null },
      userGroupIds: [],
      prioritised: false,
      chargingCardIds: [],
      invitation: { id: invitation.id, status: 'pending', expiresAt: invitation.expiresAt },
    });
    const searched = await customerAdmin.get<DriverPage>(
      `/v1/accounts/${customer.id}/drivers?tab=invited&q=DANA.driver`,
    );
    expect(searched.body.items.map((item) => item.invitation?.id)).toEqual([invitation.id]);
    // Another customer's admin learns nothing of this account's tabs.
    const foreign = await tab('invited', otherAdmin);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');

    // Resent from the tab's invitation id: a fresh link, and the tab shows the new expiry.
    const resent = await customerAdmin.post<InvitationJson>(
      `/v1/invitations/${row!.invitation!.id}/resend`,
    );
    expect(resent.status).toBe(200);
    const token = flows.tokenIn(await flows.emailTo(email, [firstToken]));
    expect(token).not.toBe(firstToken);
    await eventually('the tab to show the resent invitation', async () => {
      const again = (await tab('invited')).body.items.find((item) => item.email === email);
      return again?.invitation?.expiresAt === resent.body.expiresAt;
    });

    const accepted = await flows.accept(token, { name: 'Dana Driver', password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    const userId = accepted.body.userId;
    await eventually('the driver to move from invited to active', async () => {
      const [active, invited] = await Promise.all([tab('active'), tab('invited')]);
      return (
        active.body.items.some((item) => item.userId === userId) &&
        !invited.body.items.some((item) => item.email === email)
      );
    });
    const active = (await tab('active')).body.items.find((item) => item.userId === userId);
    expect(active).toMatchObject({ email, status: 'active', invitation: null });
  });

  it('drops a revoked driver invitation from the invited tab', async () => {
    const email = 'rik.revoked@depot.test';
    const invitation = await flows.invite(
      { kind: 'account', accountId: customer.id, role: 'driver', email },
      customerAdmin,
    );
    await eventually('the invitation to be on the invited tab', async () =>
      (await tab('invited')).body.items.some((item) => item.invitation?.id === invitation.id),
    );
    // Another customer's admin can neither see nor revoke it.
    expect((await otherAdmin.post(`/v1/invitations/${invitation.id}/revoke`)).status).toBe(404);
    expect((await customerAdmin.post(`/v1/invitations/${invitation.id}/revoke`)).status).toBe(200);
    await eventually('the revoked invitation to leave the tab', async () => {
      const invited = await tab('invited');
      return (
        invited.status === 200 &&
        !invited.body.items.some((item) => item.invitation?.id === invitation.id)
      );
    });
  });

  it('gives a card to a driver of the active tab whose profile nobody has filled in', async () => {
    const email = `blank-${randomUUID()}@depot.test`;
    await flows.invite(
      { kind: 'account', accountId: customer.id, role: 'driver', email },
      customerAdmin,
    );
    const token = flows.tokenIn(await flows.emailTo(email));
    const accepted = await flows.accept(token, { name: 'Blank Profile', password: GOOD_PASSWORD });
    expect(accepted.status).toBe(200);
    const userId = accepted.body.userId;
    await eventually('the driver to be on the active tab', async () =>
      (await tab('active')).body.items.some((item) => item.userId === userId),
    );

    const cards = `/v1/accounts/${customer.id}/charging-cards`;
    const card = await customerAdmin.post<{ id: string }>(cards, {
      uid: `RFID${randomUUID().slice(0, 8)}`,
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Onramp CPO',
    });
    expect(card.status).toBe(201);
    const assigned = await customerAdmin.patch(`${cards}/${card.body.id}`, {
      assignedUserId: userId,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id: card.body.id, assignedUserId: userId });
    expect((await customerAdmin.get(`${cards}/${card.body.id}`)).body).toMatchObject({
      assignedUserId: userId,
    });
    const driver = await customerAdmin.get<DriverRow>(
      `/v1/accounts/${customer.id}/drivers/${userId}`,
    );
    expect(driver.body).toMatchObject({ userId, info1: null, chargingCardIds: [card.body.id] });
    expect(
      (await otherAdmin.patch(`${cards}/${card.body.id}`, { assignedUserId: userId })).status,
    ).toBe(404);
  });
});
