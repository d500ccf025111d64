import { Api } from './api';
import { GOOD_PASSWORD, InvitationFlows, type InvitationJson } from './invitation-flows';
import { Stack } from './stack';

type Answered = InvitationJson & { role?: string; reimbursementRateEurPerKwh?: string | null };
interface Account {
  id: string;
  name: string;
  reimbursementRateEurPerKwh: string | null;
}
interface Problem {
  code: string;
  violations?: { field: string; message: string }[];
}

const SPELLINGS: readonly [sent: string, answered: string][] = [
  ['0.215', '0.2150'],
  ['0.2150', '0.2150'],
  ['0.22', '0.2200'],
];

/** What the API answers is what the invitation grants and what was stored, spelled one way. */
describe('invitations and accounts answer what they hold, in one spelling', () => {
  let stack: Stack;
  let admin: Api;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('says no_role for an account invitation made without a role, on create, read and list', async () => {
    const account = await flows.createAccount({ name: 'Roleless Depot', type: 'consumer' });
    const created = (await flows.invite({
      kind: 'account',
      email: 'roleless@depot.test',
      accountId: account.id,
    })) as Answered;
    const read = (await flows.get(created.id)).body as Answered;
    const listed = await admin.get<{ items: Answered[] }>(
      `/v1/invitations?accountId=${account.id}`,
    );
    expect([created.role, read.role, listed.body.items.map((item) => item.role)]).toEqual([
      'no_role',
      'no_role',
      ['no_role'],
    ]);
  });

  it('answers a rate as four decimals from accounts, whichever spelling was sent', async () => {
    const parent = await flows.createAccount({ name: 'Rate Group', type: 'consumer' });
    for (const [sent, answered] of SPELLINGS) {
      const created = await admin.post<Account>('/v1/accounts', {
        name: `Employee ${sent}`,
        type: 'consumer',
        parentId: parent.id,
        relation: 'employee',
        reimbursementRateEurPerKwh: sent,
      });
      expect(created.status).toBe(201);
      const read = await admin.get<Account>(`/v1/accounts/${created.body.id}`);
      expect([
        created.body.reimbursementRateEurPerKwh,
        read.body.reimbursementRateEurPerKwh,
      ]).toEqual([answered, answered]);
    }
    const listed = await admin.get<{ items: Account[] }>(`/v1/accounts?parentId=${parent.id}`);
    expect(
      Object.fromEntries(
        listed.body.items.map((account) => [account.name, account.reimbursementRateEurPerKwh]),
      ),
    ).toEqual({
      'Employee 0.215': '0.2150',
      'Employee 0.2150': '0.2150',
      'Employee 0.22': '0.2200',
    });
  });

  it('answers a rate as four decimals from invitations on create, read and list', async () => {
    const parent = await flows.createAccount({ name: 'Invited Rates', type: 'consumer' });
    for (const [sent, answered] of SPELLINGS) {
      const email = `rate-${sent}@invited.test`;
      const created = (await flows.invite({
        kind: 'sub_account',
        email,
        parentAccountId: parent.id,
        relation: 'employee',
        accountName: `Invited ${sent}`,
        accountType: 'consumer',
        reimbursementRateEurPerKwh: sent,
      })) as Answered;
      const read = (await flows.get(created.id)).body as Answered;
      const listed = await admin.get<{ items: Answered[] }>(
        `/v1/invitations?q=${encodeURIComponent(email)}`,
      );
      expect([
        created.reimbursementRateEurPerKwh,
        read.reimbursementRateEurPerKwh,
        listed.body.items.map((item) => item.reimbursementRateEurPerKwh),
      ]).toEqual([answered, answered, [answered]]);
    }
  });

  describe('accepting', () => {
    let account: { id: string };
    const email = 'member@accepting.test';

    beforeAll(async () => {
      const first = await flows.createAccount({ name: 'First Home', type: 'consumer' });
      await flows.invite({ kind: 'account_owner', email, accountId: first.id });
      await flows.acceptFromEmail(email);
      account = await flows.createAccount({ name: 'Second Home', type: 'consumer' });
    });

    /** A fresh invitation of the existing user, made without a name. */
    const invitationToken = async (): Promise<string> => {
      const invitation = await flows.invite({
        kind: 'account',
        email,
        accountId: account.id,
        sendEmail: false,
      });
      return invitation.acceptanceUrl!.split('/invite/')[1];
    };

    it('takes no name from a signed-in user, who keeps theirs', async () => {
      const { api } = await Api.of(stack).login(email, GOOD_PASSWORD);
      const nameNow = async () =>
        (await api.get<{ user: { name: string } }>('/v1/me')).body.user.name;
      const before = await nameNow();
      const accepted = await api.post('/v1/invitations/accept', { token: await invitationToken() });
      expect(accepted.status).toBe(200);
      expect(await nameNow()).toBe(before);
    });

    it('asks an existing user to log in first, before anything else of the form', async () => {
      const refused = await Api.of(stack).post<Problem>('/v1/invitations/accept', {
        token: await invitationToken(),
        password: 'password',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('login_required');
    });

    it('names every problem of a new user’s acceptance at once', async () => {
      const parent = await flows.createAccount({ name: 'Problem Group', type: 'consumer' });
      const invitation = await flows.invite({
        kind: 'sub_account',
        email: 'many-problems@accepting.test',
        parentAccountId: parent.id,
        relation: 'subsidiary',
        accountName: 'Problem Fleet',
        accountType: 'business',
        sendEmail: false,
      });
      const token = invitation.acceptanceUrl!.split('/invite/')[1];
      const refused = await Api.of(stack).post<Problem>('/v1/invitations/accept', {
        token,
        password: 'password',
        company: { legalName: 'Problem Fleet B.V.' },
      });
      expect(refused.status).toBe(400);
      const fields = new Set(refused.body.violations!.map((violation) => violation.field));
      expect([...fields].sort()).toEqual(['company.registrationNumber', 'name', 'password']);
    });
  });
});
