import { Api } from './api';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { eventually, Stack } from './stack';

const company = {
  company: { legalName: 'Moving Holding B.V.', vatNumber: 'NL123456789B01' },
  billingAddress: { line1: 'Spoorlaan 1', postalCode: '5038 CB', city: 'Tilburg', country: 'NL' },
};

describe('invitations follow an account that moves to another parent', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  const adminOf = async (accountId: string, email: string) => {
    const created = await admin.post('/v1/users', {
      email,
      name: email.split('@')[0],
      password: GOOD_PASSWORD,
      memberships: [{ accountIds: [accountId], roles: ['account_admin'] }],
    });
    expect(created.status).toBe(201);
    return (await anonymous.login(email, GOOD_PASSWORD)).api;
  };

  it("moves the invitations, joining codes and registrations from the old parent's admins to the new one's", async () => {
    const oldParent = await flows.createAccount({
      name: 'Old Parent',
      type: 'business',
      ...company,
    });
    const newParent = await flows.createAccount({
      name: 'New Parent',
      type: 'business',
      ...company,
    });
    const site = await flows.createAccount({
      name: 'Moving Site',
      type: 'consumer',
      parentId: oldParent.id,
      relation: 'employee',
    });
    const oldAdmin = await adminOf(oldParent.id, 'admin@old-parent.test');
    const newAdmin = await adminOf(newParent.id, 'admin@new-parent.test');

    const newSite = await flows.createAccount({
      name: 'Already There',
      type: 'consumer',
      parentId: newParent.id,
      relation: 'employee',
    });
    // Into both sites: before the move each parent's admin sees it, after it only the new one.
    const spanning = await flows.invite({
      kind: 'account_user',
      email: 'both@moving.test',
      accountIds: [site.id, newSite.id],
      role: 'billing_admin',
    });
    const invitation = await flows.invite({
      kind: 'account',
      email: 'driver@moving.test',
      accountId: site.id,
    });
    const code = await admin.post<{ id: string }>(`/v1/accounts/${site.id}/joining-codes`, {});
    expect(code.status).toBe(201);
    const settings = await admin.request<{ registrationCode: string }>(
      'PUT',
      `/v1/accounts/${site.id}/registration-settings`,
      { enabled: true },
    );
    const registration = await anonymous.post<{ id: string }>('/v1/registrations', {
      registrationCode: settings.body.registrationCode,
      email: 'self@moving.test',
      name: 'Self Mover',
      password: GOOD_PASSWORD,
    });
    expect(registration.status).toBe(201);

    const seenBy = async (api: Api, id: string) =>
      (await api.get(`/v1/invitations/${id}`)).status === 200;
    const invitationSeenBy = (api: Api) => seenBy(api, invitation.id);
    const registrationsSeenBy = async (api: Api) =>
      (await api.get<{ items: { id: string }[] }>('/v1/registrations')).body.items.map(
        (item) => item.id,
      );
    expect(await invitationSeenBy(oldAdmin)).toBe(true);
    expect(await invitationSeenBy(newAdmin)).toBe(false);
    expect(await seenBy(oldAdmin, spanning.id)).toBe(true);
    expect(await seenBy(newAdmin, spanning.id)).toBe(true);
    expect(await registrationsSeenBy(oldAdmin)).toContain(registration.body.id);

    const moved = await admin.patch(`/v1/accounts/${site.id}`, {
      parentId: newParent.id,
      relation: 'employee',
    });
    expect(moved.status).toBe(200);

    await eventually("the new parent's admin sees the invitation", () =>
      invitationSeenBy(newAdmin),
    );
    expect(await invitationSeenBy(oldAdmin)).toBe(false);
    expect(await seenBy(oldAdmin, spanning.id)).toBe(false);
    expect(await seenBy(newAdmin, spanning.id)).toBe(true);
    const listed = await oldAdmin.get<{ items: { id: string }[] }>('/v1/invitations');
    expect(listed.body.items.map((item) => item.id)).not.toContain(invitation.id);
    expect(await registrationsSeenBy(oldAdmin)).not.toContain(registration.body.id);
    expect(await registrationsSeenBy(newAdmin)).toContain(registration.body.id);
    // Acting on them follows too: the old parent's admin may no longer revoke or approve.
    expect((await oldAdmin.post(`/v1/joining-codes/${code.body.id}/revoke`)).status).toBe(404);
    expect((await oldAdmin.post(`/v1/invitations/${invitation.id}/revoke`)).status).toBe(404);
    expect((await newAdmin.post(`/v1/joining-codes/${code.body.id}/revoke`)).status).toBe(200);
    expect((await newAdmin.post(`/v1/registrations/${registration.body.id}/approve`)).status).toBe(
      200,
    );
  });
});
