import { randomUUID } from 'node:crypto';
import { accounts } from '@onramp/contracts';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;
const operator = callerWith(randomUUID(), { platform: true }, [
  'accounts.create',
  'accounts.read',
  'accounts.manage',
  'charging_cards.read',
  'charging_cards.manage',
  'drivers.read',
  'drivers.manage',
  'user_groups.manage',
  'cost_centers.manage',
]);
const company = { legalName: 'Acme B.V.', registrationNumber: '12345678', vatNumber: '' };
const address = {
  line1: 'Main 1',
  line2: '',
  postalCode: '1000 AA',
  city: 'Amsterdam',
  country: 'nl',
};

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start({
    ACCOUNT_PLANS: JSON.stringify({ compact: [], pro: ['user_groups', 'energy_management'] }),
  });
}, 120_000);
afterAll(() => app.stop());

function failure(promise: Promise<unknown>): Promise<{ code: string }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string },
  );
}

async function consumer(name: string, parentId?: string) {
  const { account } = await app.call(methods.createAccount, {
    caller: operator,
    name,
    type: 'consumer',
    parentId,
    relation: parentId === undefined ? '' : 'employee',
  });
  return account!;
}

describe('accounts', () => {
  it('refuses a business account without company details and creates one with them', async () => {
    const refused = await failure(
      app.call(methods.createAccount, {
        caller: operator,
        name: 'Bare Business',
        type: 'business',
      }),
    );
    expect(refused.code).toBe('validation_failed');
    const { account } = await app.call(methods.createAccount, {
      caller: operator,
      name: 'Acme',
      type: 'business',
      company,
      billingAddress: address,
    });
    expect(account).toMatchObject({ name: 'Acme', type: 'business', depth: 0 });
    expect(account!.billingAddress!.country).toBe('NL');
    expect(
      await app.database.outboxMessage.count({ where: { subject: 'accounts.account.created.v1' } }),
    ).toBeGreaterThan(0);
  });

  it('refuses a plan the installation does not offer, on create and on update', async () => {
    const refused = (await failure(
      app.call(methods.createAccount, {
        caller: operator,
        name: `plans-${randomUUID()}`,
        type: 'consumer',
        plan: 'enterprise',
      }),
    )) as { code: string; violations: { field: string; message: string }[] };
    expect(refused.code).toBe('validation_failed');
    expect(refused.violations).toEqual([
      { field: 'plan', message: 'must be empty or one of "compact", "pro"' },
    ]);
    const account = await consumer(`plans-${randomUUID()}`);
    const update = app.call(methods.updateAccount, {
      caller: operator,
      accountId: account.id,
      plan: 'enterprise',
    });
    expect(await failure(update)).toMatchObject({ code: 'validation_failed' });
    const { account: unchanged } = await app.call(methods.getAccount, {
      caller: operator,
      accountId: account.id,
    });
    expect(unchanged!.plan).toBe('');
  });

  it("gives an account its plan's flags together with its own", async () => {
    const { account } = await app.call(methods.createAccount, {
      caller: operator,
      name: `plans-${randomUUID()}`,
      type: 'consumer',
      plan: 'pro',
      featureFlags: ['beta_reports', 'user_groups'],
    });
    expect(account).toMatchObject({
      plan: 'pro',
      featureFlags: ['beta_reports', 'user_groups'],
      effectiveFeatureFlags: ['beta_reports', 'energy_management', 'user_groups'],
    });
    const { account: downgraded } = await app.call(methods.updateAccount, {
      caller: operator,
      accountId: account!.id,
      plan: 'compact',
    });
    expect(downgraded!.effectiveFeatureFlags).toEqual(['beta_reports', 'user_groups']);
    const { account: planless } = await app.call(methods.updateAccount, {
      caller: operator,
      accountId: account!.id,
      plan: '',
      featureFlags: { values: [] },
    });
    expect(planless!.effectiveFeatureFlags).toEqual([]);
  });

  it('keeps the reimbursement rate exact and refuses rates out of bounds', async () => {
    const root = await consumer(`rates-${randomUUID()}`);
    const { account } = await app.call(methods.createAccount, {
      caller: operator,
      name: 'Employee',
      type: 'consumer',
      parentId: root.id,
      relation: 'employee',
      reimbursementRateEurPerKwh: '0.3125',
    });
    expect(account!.reimbursementRateEurPerKwh).toBe('0.3125');
    const { account: read } = await app.call(methods.getAccount, {
      caller: operator,
      accountId: account!.id,
    });
    expect(read!.reimbursementRateEurPerKwh).toBe('0.3125');
    for (const rate of ['0.12345', '-1', '11', '1e1', 'abc'])
      expect(
        (
          await failure(
            app.call(methods.updateAccount, {
              caller: operator,
              accountId: account!.id,
              reimbursementRateEurPerKwh: rate,
            }),
          )
        ).code,
      ).toBe('validation_failed');
  });

  it('answers every rate in one spelling, four decimals, wherever the account is read', async () => {
    const root = await consumer(`spelling-${randomUUID()}`);
    for (const [rate, canonical] of [
      ['0.215', '0.2150'],
      ['0.2150', '0.2150'],
      ['0.22', '0.2200'],
      ['0', '0.0000'],
    ]) {
      const { account } = await app.call(methods.createAccount, {
        caller: operator,
        name: `Rate ${rate}`,
        type: 'consumer',
        parentId: root.id,
        relation: 'employee',
        reimbursementRateEurPerKwh: rate,
      });
      const { account: read } = await app.call(methods.getAccount, {
        caller: operator,
        accountId: account!.id,
      });
      const { account: updated } = await app.call(methods.updateAccount, {
        caller: operator,
        accountId: account!.id,
        reimbursementRateEurPerKwh: rate,
      });
      expect([
        account!.reimbursementRateEurPerKwh,
        read!.reimbursementRateEurPerKwh,
        updated!.reimbursementRateEurPerKwh,
      ]).toEqual([canonical, canonical, canonical]);
    }
    const { accounts: listed } = await app.call(methods.listAccounts, {
      caller: operator,
      parentId: root.id,
      limit: 100,
    });
    expect(listed.map((account) => account.reimbursementRateEurPerKwh).sort()).toEqual([
      '0.0000',
      '0.2150',
      '0.2150',
      '0.2200',
    ]);
  });

  it('needs a relation for a sub-account, refuses a move into its own subtree and names the ancestors', async () => {
    const root = await consumer(`tree-${randomUUID()}`);
    expect(
      (
        await failure(
          app.call(methods.createAccount, {
            caller: operator,
            name: 'No relation',
            type: 'consumer',
            parentId: root.id,
          }),
        )
      ).code,
    ).toBe('validation_failed');
    const child = await consumer('child', root.id);
    const grandchild = await consumer('grandchild', child.id);
    expect(grandchild.depth).toBe(2);
    expect(root.ancestorIds).toEqual([]);
    expect(grandchild.ancestorIds).toEqual([root.id, child.id]);
    const cycle = await failure(
      app.call(methods.updateAccount, {
        caller: operator,
        accountId: root.id,
        parentId: grandchild.id,
      }),
    );
    expect(cycle.code).toBe('validation_failed');
    // Moving the child to the top level carries its subtree.
    await app.call(methods.updateAccount, { caller: operator, accountId: child.id, parentId: '' });
    const { account: moved } = await app.call(methods.getAccount, {
      caller: operator,
      accountId: grandchild.id,
    });
    expect(moved!.depth).toBe(1);
    expect(moved!.ancestorIds).toEqual([child.id]);
  });

  it('shows an account admin their account and its sub-accounts, and nothing else', async () => {
    const a = await consumer(`A-${randomUUID()}`);
    const b = await consumer(`B-${randomUUID()}`);
    const aChild = await consumer('A child', a.id);
    const admin = callerWith(randomUUID(), { accountIds: [a.id] }, [
      'accounts.read',
      'accounts.manage',
    ]);
    expect(
      (await failure(app.call(methods.getAccount, { caller: admin, accountId: b.id }))).code,
    ).toBe('not_found');
    expect(
      (
        await failure(
          app.call(methods.updateAccount, { caller: admin, accountId: b.id, name: 'x' }),
        )
      ).code,
    ).toBe('not_found');
    const { account } = await app.call(methods.getAccount, { caller: admin, accountId: aChild.id });
    expect(account!.id).toBe(aChild.id);
    const { accounts: listed } = await app.call(methods.listAccounts, {
      caller: admin,
      limit: 100,
    });
    expect(listed.map((item) => item.id).sort()).toEqual([a.id, aChild.id].sort());
  });

  it('searches by name and pages in a stable order', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let index = 0; index < 7; index += 1)
      await consumer(`Search ${tag} ${index % 3} ${index}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await app.call(methods.listAccounts, {
        caller: operator,
        query: tag.toUpperCase(),
        limit: 3,
        cursor,
      });
      seen.push(...result.accounts.map((account) => account.name));
      cursor = result.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toHaveLength(7);
    expect(seen).toEqual([...seen].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
  });

  it('matches %, _ and \\ in a search literally', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = ['100% green', '1000 green', 'a_b', 'axb', 'c\\d', 'c\\\\d', 'cd'].map(
      (name) => `${tag} ${name}`,
    );
    for (const name of names) await consumer(name);
    const search = async (query: string) => {
      const { accounts: found } = await app.call(methods.listAccounts, {
        caller: operator,
        query: `${tag} ${query}`,
        limit: 100,
      });
      return found.map((account) => account.name);
    };
    expect(await search('100%')).toEqual([`${tag} 100% green`]);
    expect(await search('a_b')).toEqual([`${tag} a_b`]);
    expect(await search('c\\d')).toEqual([`${tag} c\\d`]);
    expect((await search('')).length).toBe(names.length);
  });

  it('refuses a duplicate card uid and keeps an invalidated card readable', async () => {
    const account = await consumer(`cards-${randomUUID()}`);
    const uid = `RFID-${randomUUID().slice(0, 8)}`;
    const card = {
      caller: operator,
      accountId: account.id,
      uid,
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Onramp',
    };
    const { chargingCard } = await app.call(methods.createChargingCard, card);
    expect(chargingCard).toMatchObject({ valid: true, whitelist: 'ALLOWED' });
    expect((await failure(app.call(methods.createChargingCard, card))).code).toBe('conflict');
    expect(
      (
        await failure(
          app.call(methods.createChargingCard, { ...card, uid: 'other', contractId: 'nope' }),
        )
      ).code,
    ).toBe('validation_failed');
    await app.call(methods.invalidateChargingCard, {
      caller: operator,
      accountId: account.id,
      chargingCardId: chargingCard!.id,
    });
    const { chargingCard: read } = await app.call(methods.getChargingCard, {
      caller: operator,
      accountId: account.id,
      chargingCardId: chargingCard!.id,
    });
    expect(read!.valid).toBe(false);
  });

  it("never reaches another account's item through this account's path", async () => {
    const mine = await consumer(`mine-${randomUUID()}`);
    const theirs = await consumer(`theirs-${randomUUID()}`);
    // An admin of both accounts, so only the account named in the request can refuse.
    const admin = callerWith(randomUUID(), { accountIds: [mine.id, theirs.id] }, [
      'accounts.read',
      'cost_centers.manage',
      'user_groups.manage',
      'charging_cards.read',
      'charging_cards.manage',
    ]);
    const { costCenter } = await app.call(methods.createCostCenter, {
      caller: admin,
      accountId: theirs.id,
      name: 'Theirs',
    });
    const { userGroup } = await app.call(methods.createUserGroup, {
      caller: admin,
      accountId: theirs.id,
      name: 'Theirs',
    });
    const { chargingCard } = await app.call(methods.createChargingCard, {
      caller: admin,
      accountId: theirs.id,
      uid: `RFID-${randomUUID().slice(0, 8)}`,
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Onramp',
    });
    const costCenterId = costCenter!.id;
    const userGroupId = userGroup!.id;
    const chargingCardId = chargingCard!.id;
    const throughMine = { caller: admin, accountId: mine.id };
    const attempts = [
      app.call(methods.updateCostCenter, { ...throughMine, costCenterId, name: 'Mine' }),
      app.call(methods.deleteCostCenter, { ...throughMine, costCenterId }),
      app.call(methods.updateUserGroup, { ...throughMine, userGroupId, name: 'Mine' }),
      app.call(methods.deleteUserGroup, { ...throughMine, userGroupId }),
      app.call(methods.getChargingCard, { ...throughMine, chargingCardId }),
      app.call(methods.updateChargingCard, { ...throughMine, chargingCardId, whitelist: 'NEVER' }),
      app.call(methods.invalidateChargingCard, { ...throughMine, chargingCardId }),
    ];
    for (const attempt of attempts) expect((await failure(attempt)).code).toBe('not_found');
    const card = await app.database.chargingCard.findUnique({ where: { id: chargingCardId } });
    expect(card).toMatchObject({ valid: true, whitelist: 'ALLOWED' });
    expect(await app.database.costCenter.count({ where: { id: costCenterId } })).toBe(1);
    expect(await app.database.userGroup.findUnique({ where: { id: userGroupId } })).toMatchObject({
      name: 'Theirs',
    });
    // Through its own account the same caller reaches it.
    const { chargingCard: read } = await app.call(methods.getChargingCard, {
      caller: admin,
      accountId: theirs.id,
      chargingCardId,
    });
    expect(read!.id).toBe(chargingCardId);
    await app.call(methods.deleteCostCenter, { caller: admin, accountId: theirs.id, costCenterId });
  });

  it('requires a user group for every driver on a Pro licence', async () => {
    const account = await consumer(`pro-${randomUUID()}`);
    await app.call(methods.updateAccount, {
      caller: operator,
      accountId: account.id,
      licence: 'pro',
    });
    const userId = randomUUID();
    await app.database.directoryUser.create({
      data: { userId, email: `${userId}@example.com`, name: 'Driver', status: 'active' },
    });
    await app.database.accountMembership.create({
      data: {
        membershipId: randomUUID(),
        userId,
        accountIds: [account.id],
        roles: ['driver'],
        changedAt: new Date(),
      },
    });
    const refused = await failure(
      app.call(methods.updateDriver, {
        caller: operator,
        accountId: account.id,
        userId,
        info1: 'E1',
      }),
    );
    expect(refused.code).toBe('validation_failed');
    const { userGroup } = await app.call(methods.createUserGroup, {
      caller: operator,
      accountId: account.id,
      name: 'Depot',
      stationIds: ['ST-1'],
    });
    const { driver } = await app.call(methods.updateDriver, {
      caller: operator,
      accountId: account.id,
      userId,
      userGroupIds: { values: [userGroup!.id] },
      newCostCenterName: 'Sales',
      vehicle: { make: 'Kia', model: 'EV6', licencePlate: 'ab-123 c' },
    });
    expect(driver).toMatchObject({ status: 'active', userGroupIds: [userGroup!.id] });
    expect(driver!.vehicle!.licencePlate).toBe('AB123C');
    expect(driver!.costCenterId).not.toBe('');
    const { drivers } = await app.call(methods.listDrivers, {
      caller: operator,
      accountId: account.id,
      tab: 'active',
    });
    expect(drivers.map((item) => item.userId)).toEqual([userId]);
  });
});
