import { recipientsOf } from '@onramp/testing';
import { Api } from './api';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import { eventually, Stack } from './stack';

const INVITATIONS = 30;
const KILL_AT = 8;
const RESTART_AT = 20;

describe('invitations survive dying services', () => {
  let stack: Stack;
  let admin: Api;
  let flows: InvitationFlows;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'notifications', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
    flows = new InvitationFlows(stack, admin);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('notifications killed and restarted while invitations are created: one email each, none twice', async () => {
    const account = await flows.createAccount({ name: 'Busy Fleet', type: 'consumer' });
    const emails = Array.from({ length: INVITATIONS }, (_, index) => `loop${index}@busy.test`);
    for (const [index, email] of emails.entries()) {
      if (index === KILL_AT) await stack.process('notifications').stop('SIGKILL');
      if (index === RESTART_AT) await stack.startService('notifications');
      await flows.invite({ kind: 'account', email, accountId: account.id });
    }
    const received = () => stack.mailbox.messages.flatMap(recipientsOf);
    await eventually(
      'every invitee has an email',
      () => Promise.resolve(emails.every((email) => received().includes(email))),
      120_000,
    );
    // A redelivery would come within the claim lease; wait for one that must not come.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const email of emails) expect(received().filter((to) => to === email)).toHaveLength(1);
  }, 240_000);

  it('acceptances converge when identity, accounts and invitations die mid-saga', async () => {
    const parent = await flows.createAccount({ name: 'Saga Group', type: 'consumer' });
    const count = 12;
    const invitees = Array.from({ length: count }, (_, index) => `saga${index}@saga.test`);
    for (const email of invitees)
      await flows.invite({
        kind: 'sub_account',
        email,
        parentAccountId: parent.id,
        relation: 'employee',
        accountName: `Saga ${email}`,
        accountType: 'consumer',
      });
    const tokens = new Map<string, string>();
    for (const email of invitees) tokens.set(email, flows.tokenIn(await flows.emailTo(email)));

    // Accounts is down while the first half accept: acceptance does not wait for it.
    await stack.process('accounts').stop('SIGKILL');
    const outcomes = new Map<string, number>();
    const accept = async (email: string) => {
      const response = await flows.accept(tokens.get(email)!, { password: GOOD_PASSWORD });
      outcomes.set(email, response.status);
    };
    for (const email of invitees.slice(0, count / 2)) await accept(email);
    // Then identity and invitations die while the second half accept, all at once.
    const inFlight = invitees.slice(count / 2).map(accept);
    await stack.process('identity').stop('SIGKILL');
    await stack.process('invitations').stop('SIGKILL');
    await Promise.all(inFlight);
    await stack.startService('identity');
    await stack.startService('invitations');
    await stack.startService('accounts');

    // Whoever got no answer tries again with the same link, as a person would.
    for (const email of invitees)
      if (outcomes.get(email) !== 200) {
        const retried = await flows.accept(tokens.get(email)!, { password: GOOD_PASSWORD });
        // Accepted by the first attempt after all (identity committed before dying): the link is
        // used up, so the retry is told it is not valid any more.
        expect([200, 410]).toContain(retried.status);
      }

    let accepted: { email: string; new_account_id: string }[] = [];
    await eventually(
      'every invitation is accepted',
      async () => {
        accepted = await stack.query<{ email: string; new_account_id: string }>(
          `SELECT email, new_account_id FROM invitations.invitations
           WHERE email LIKE '%@saga.test' AND status = 'accepted'`,
        );
        return accepted.length === count;
      },
      60_000,
    );
    const users = await stack.query<{ id: string; email: string; status: string }>(
      `SELECT id, email, status FROM identity.users WHERE email LIKE '%@saga.test'`,
    );
    expect(users).toHaveLength(count);
    expect(users.every((user) => user.status === 'active')).toBe(true);
    const memberships = await stack.query<{ user_id: string; count: string }>(
      `SELECT user_id, count(*) FROM identity.memberships
       WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [users.map((user) => user.id)],
    );
    expect(memberships).toHaveLength(count);
    expect(memberships.every((row) => row.count === '1')).toBe(true);
    await eventually(
      'every sub-account exists once',
      async () => {
        const accounts = await stack.query<{ id: string }>(
          `SELECT id FROM accounts.accounts WHERE id = ANY($1::uuid[])`,
          [accepted.map((row) => row.new_account_id)],
        );
        return accounts.length === count;
      },
      60_000,
    );
    for (const email of invitees) {
      const { api } = await Api.of(stack).login(email, GOOD_PASSWORD);
      const row = accepted.find((candidate) => candidate.email === email)!;
      expect((await api.get(`/v1/accounts/${row.new_account_id}`)).status).toBe(200);
    }
  }, 300_000);
});
