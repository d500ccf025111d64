import { randomUUID } from 'node:crypto';
import { fromBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts, eventSubject, identity, invitations } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;
const CONSUMER = 'invited-accounts';
const operator = callerWith(randomUUID(), { platform: true }, [
  'accounts.create',
  'accounts.read',
  'accounts.manage',
]);
const inviter = randomUUID();

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

async function account(name: string, parentId?: string) {
  const { account: created } = await app.call(methods.createAccount, {
    caller: operator,
    name,
    type: 'consumer',
    parentId,
    relation: parentId === undefined ? '' : 'subsidiary',
  });
  return created!;
}

type NewAccountInit = Exclude<
  MessageInitShape<typeof invitations.NewAccountSchema>,
  invitations.NewAccount
>;

function newAccount(parentId: string, overrides: NewAccountInit = {}) {
  return {
    accountId: randomUUID(),
    parentId,
    relation: 'employee',
    name: 'Fleet',
    type: 'business',
    company: { legalName: 'Fleet B.V.', registrationNumber: '', vatNumber: 'NL001' },
    language: 'de',
    reimbursementRateEurPerKwh: '0.3125',
    byUserId: inviter,
    ...overrides,
  };
}

/** Publishes an acceptance as invitations would and waits until accounts has handled it. */
async function accepted(created: ReturnType<typeof newAccount>, userId = randomUUID()) {
  const messageId = await app.publish(invitations.InvitationAcceptedSchema, {
    invitation: { id: randomUUID(), kind: 'sub_account', status: 'accepted' },
    userId,
    newAccount: created,
    occurredAt: timestampFromDate(new Date()),
  });
  await eventually('the acceptance to be handled', () => app.handled(CONSUMER, messageId));
}

async function get(accountId: string) {
  const { account: found } = await app.call(methods.getAccount, { caller: operator, accountId });
  return found!;
}

async function accountCreatedEvents(accountId: string) {
  const rows = await app.database.outboxMessage.findMany({
    where: { subject: eventSubject(accounts.AccountCreatedSchema) },
  });
  return rows
    .map((row) => fromBinary(accounts.AccountCreatedSchema, row.payload))
    .filter((event) => event.account?.id === accountId);
}

describe('accounts of accepted invitations', () => {
  it('creates the invited account once, with the id, place and details the invitation fixed', async () => {
    const customer = await account(`Customer ${randomUUID()}`);
    const invited = newAccount(customer.id);
    await accepted(invited);
    await accepted(invited);
    expect(await get(invited.accountId)).toMatchObject({
      id: invited.accountId,
      parentId: customer.id,
      ancestorIds: [customer.id],
      depth: 1,
      relation: 'employee',
      name: 'Fleet',
      type: 'business',
      company: { legalName: 'Fleet B.V.', vatNumber: 'NL001' },
      language: 'de',
      reimbursementRateEurPerKwh: '0.3125',
    });
    expect(await accountCreatedEvents(invited.accountId)).toEqual([
      expect.objectContaining({ byUserId: inviter }),
    ]);
  });

  it('gives the account a suffix when a sibling took its name meanwhile', async () => {
    const customer = await account(`Customer ${randomUUID()}`);
    await account('Fleet', customer.id);
    await account('Fleet (2)', customer.id);
    const invited = newAccount(customer.id, { name: ' FLEET ' });
    await accepted(invited);
    expect(await get(invited.accountId)).toMatchObject({
      name: 'FLEET (3)',
      parentId: customer.id,
    });
  });

  it('creates the account at the top level when its parent is gone', async () => {
    const invited = newAccount(randomUUID());
    await accepted(invited);
    const created = await get(invited.accountId);
    expect(created).toMatchObject({ ancestorIds: [], depth: 0, relation: '', name: 'Fleet' });
    expect(created.parentId).toBeUndefined();
  });

  it('creates the account under the deepest ancestor with room when its parent is now too deep', async () => {
    let parent = await account(`Root ${randomUUID()}`);
    const chain = [parent.id];
    for (let depth = 1; depth <= 7; depth++) {
      parent = await account(`Level ${depth}`, parent.id);
      chain.push(parent.id);
    }
    const invited = newAccount(parent.id);
    await accepted(invited);
    expect(await get(invited.accountId)).toMatchObject({
      parentId: chain[6],
      ancestorIds: chain.slice(0, 7),
      depth: 7,
    });
  });

  it("lets the invitee's membership arrive before the account", async () => {
    const customer = await account(`Customer ${randomUUID()}`);
    const invited = newAccount(customer.id, { type: 'consumer', company: undefined });
    const userId = randomUUID();
    await app.publish(identity.MembershipGrantedSchema, {
      membership: {
        id: randomUUID(),
        userId,
        accountIds: [invited.accountId],
        roles: ['driver'],
      },
      occurredAt: timestampFromDate(new Date()),
    });
    await app.publish(identity.UserCreatedSchema, {
      userId,
      email: `${userId}@example.com`,
      name: 'Ivy Invitee',
      status: 'active',
      occurredAt: timestampFromDate(new Date()),
    });
    await accepted(invited, userId);
    const admin = callerWith(randomUUID(), { accountIds: [customer.id] }, [
      'accounts.read',
      'drivers.read',
      'drivers.manage',
    ]);
    await eventually('the invitee to be a driver of the new account', async () => {
      const { driver } = await app.call(methods.updateDriver, {
        caller: admin,
        accountId: invited.accountId,
        userId,
        info1: 'EMP-7',
      });
      expect(driver).toMatchObject({ userId, name: 'Ivy Invitee' });
    });
    const { drivers } = await app.call(methods.listDrivers, {
      caller: admin,
      accountId: invited.accountId,
    });
    expect(drivers.map((driver) => driver.userId)).toEqual([userId]);
  }, 30_000);

  it('lets an acceptance that asks for an impossible account go, creating nothing', async () => {
    const customer = await account(`Customer ${randomUUID()}`);
    const invited = newAccount(customer.id, {
      company: undefined,
      reimbursementRateEurPerKwh: '11',
    });
    await accepted(invited);
    expect(await app.database.account.findUnique({ where: { id: invited.accountId } })).toBeNull();
  });
});
