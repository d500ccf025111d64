import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts, common, identity } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;
const { CREATED, UPDATED, SKIPPED, INVALID, FAILED } = common.RowOutcome;
const { SKIP, UPDATE, FAIL } = common.ConflictPolicy;
const operator = callerWith(randomUUID(), { platform: true }, [
  'accounts.create',
  'accounts.read',
  'accounts.manage',
  'user_groups.manage',
  'charging_cards.manage',
  'drivers.read',
  'drivers.manage',
]);

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

type Row = MessageInitShape<typeof accounts.ImportedDriverSchema>;

async function customer(licence = 'compact') {
  const { account } = await app.call(methods.createAccount, {
    caller: operator,
    name: `Customer ${randomUUID()}`,
    type: 'consumer',
    licence,
  });
  const { userGroup } = await app.call(methods.createUserGroup, {
    caller: operator,
    accountId: account!.id,
    name: 'Depot',
  });
  return { account: account!, groupId: userGroup!.id };
}

async function card(accountId: string, uid = `U${randomUUID().slice(0, 12)}`) {
  const { chargingCard } = await app.call(methods.createChargingCard, {
    caller: operator,
    accountId,
    uid,
    type: 'RFID',
    contractId: 'NL-TNM-C12345678-X',
    issuer: 'Onramp CPO',
  });
  return chargingCard!;
}

async function importDrivers(
  rows: Row[],
  options: {
    importId?: string;
    onConflict?: common.ConflictPolicy;
    checkOnly?: boolean;
    caller?: ReturnType<typeof callerWith>;
  } = {},
) {
  const { results } = await app.call(methods.importDrivers, {
    caller: options.caller ?? operator,
    importId: options.importId ?? randomUUID(),
    onConflict: options.onConflict ?? SKIP,
    checkOnly: options.checkOnly ?? false,
    rows,
  });
  return results.map(({ line, outcome, id, violations }) => ({
    line,
    outcome,
    id,
    violations: violations.map(({ field, message }) => ({ field, message })),
  }));
}

const driverEvents = () =>
  app.database.outboxMessage.count({ where: { subject: 'accounts.driver.updated.v1' } });

describe('ImportDrivers', () => {
  it("describes a user accounts has not heard of yet, by names and uids, and the user's events complete it", async () => {
    const { account, groupId } = await customer();
    const existingCard = await card(account.id);
    const userId = randomUUID();
    const newUid = `N${randomUUID().slice(0, 12)}`;
    const events = await driverEvents();
    const results = await importDrivers([
      {
        line: 2,
        accountId: account.id,
        userId,
        costCenterName: ' Sales ',
        info1: 'EMP-1',
        info2: '',
        vehicle: { make: 'Tesla', model: 'Model 3', licencePlate: 'ab-12 3c' },
        userGroupNames: ['depot'],
        chargingCardUids: [existingCard.uid, newUid],
        prioritised: true,
      },
    ]);
    expect(results).toEqual([{ line: 2, outcome: CREATED, id: userId, violations: [] }]);
    const profile = await app.database.driverProfile.findUniqueOrThrow({
      where: { accountId_userId: { accountId: account.id, userId } },
      include: { costCenter: true },
    });
    expect(profile).toMatchObject({
      info1: 'EMP-1',
      vehicleMake: 'Tesla',
      licencePlate: 'AB123C',
      userGroupIds: [groupId],
      prioritised: true,
      costCenter: { name: 'Sales', accountId: account.id },
    });
    const cards = await app.database.chargingCard.findMany({
      where: { accountId: account.id },
      orderBy: { uid: 'asc' },
    });
    expect(
      cards.map(({ uid, type, whitelist, assignedUserId }) => ({
        uid,
        type,
        whitelist,
        assignedUserId,
      })),
    ).toEqual(
      [
        { uid: existingCard.uid, type: 'RFID', whitelist: 'ALLOWED', assignedUserId: userId },
        { uid: newUid, type: 'RFID', whitelist: 'ALLOWED', assignedUserId: userId },
      ].sort((a, b) => (a.uid < b.uid ? -1 : 1)),
    );
    expect(await driverEvents()).toBe(events + 1);
    // Identity's events arrive afterwards: the user becomes a listed driver with the profile.
    const at = timestampFromDate(new Date());
    await app.publish(identity.MembershipGrantedSchema, {
      membership: {
        id: randomUUID(),
        userId,
        platform: false,
        accountIds: [account.id],
        roles: ['driver'],
        additionalPermissions: [],
      },
      occurredAt: at,
    });
    await app.publish(identity.UserCreatedSchema, {
      userId,
      email: `${userId}@example.com`,
      name: 'Dana',
      status: 'active',
      occurredAt: at,
    });
    await eventually('the user to be a driver', async () => {
      const { driver } = await app.call(methods.getDriver, {
        caller: operator,
        accountId: account.id,
        userId,
      });
      expect(driver).toMatchObject({
        name: 'Dana',
        info1: 'EMP-1',
        vehicle: { licencePlate: 'AB123C' },
      });
      expect(driver!.chargingCardIds).toHaveLength(2);
    });
  });

  it('answers a repeated row what it answered and changes nothing', async () => {
    const { account } = await customer();
    const importId = randomUUID();
    const rows: Row[] = [
      {
        line: 1,
        accountId: account.id,
        userId: randomUUID(),
        costCenterName: 'Ops',
        chargingCardUids: ['R1' + randomUUID().slice(0, 8)],
      },
      { line: 2, accountId: account.id, userId: randomUUID(), userGroupNames: ['Nowhere'] },
    ];
    const first = await importDrivers(rows, { importId });
    const counts = async () => [
      await app.database.chargingCard.count(),
      await app.database.costCenter.count(),
      await driverEvents(),
    ];
    const before = await counts();
    expect(await importDrivers(rows, { importId, onConflict: FAIL })).toEqual(first);
    expect(await counts()).toEqual(before);
    expect(first[1]).toEqual({
      line: 2,
      outcome: INVALID,
      id: '',
      violations: [{ field: 'userGroupNames', message: 'no user group "Nowhere" in this account' }],
    });
  });

  it('refuses what UpdateDriver refuses, each row on its own', async () => {
    const pro = await customer('pro');
    const other = await customer();
    const foreign = await card(other.account.id);
    const results = await importDrivers([
      { line: 1, accountId: pro.account.id, userId: randomUUID() },
      { line: 2, accountId: pro.account.id, userId: randomUUID(), userGroupNames: ['Depot'] },
      {
        line: 3,
        accountId: pro.account.id,
        userId: randomUUID(),
        userGroupNames: ['Depot'],
        chargingCardUids: [foreign.uid],
      },
      {
        line: 4,
        accountId: pro.account.id,
        userId: randomUUID(),
        userGroupNames: ['Depot'],
        vehicle: { licencePlate: 'AB_12' },
      },
    ]);
    expect(results.map((result) => [result.outcome, result.violations])).toEqual([
      [
        INVALID,
        [
          {
            field: 'userGroupNames',
            message: 'on a Pro licence every driver needs at least one user group',
          },
        ],
      ],
      [CREATED, []],
      [
        INVALID,
        [{ field: 'chargingCardUids', message: `"${foreign.uid}" is another account's card` }],
      ],
      [INVALID, [{ field: 'vehicle.licencePlate', message: 'letters and digits, at most 15' }]],
    ]);
  });

  it('skips, updates what differs, or fails an existing profile', async () => {
    const { account } = await customer();
    const userId = randomUUID();
    const base: Row = { line: 1, accountId: account.id, userId, info1: 'A' };
    await importDrivers([base]);
    const changed = { ...base, info1: 'B' };
    expect(await importDrivers([changed])).toEqual([
      { line: 1, outcome: SKIPPED, id: userId, violations: [] },
    ]);
    expect(await importDrivers([changed], { onConflict: FAIL })).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [
          { field: 'userId', message: 'the user has a driver profile in this account already' },
        ],
      },
    ]);
    expect(await importDrivers([changed], { onConflict: UPDATE })).toEqual([
      { line: 1, outcome: UPDATED, id: userId, violations: [] },
    ]);
    expect(await importDrivers([changed], { onConflict: UPDATE })).toEqual([
      { line: 1, outcome: SKIPPED, id: userId, violations: [] },
    ]);
    const profile = await app.database.driverProfile.findUniqueOrThrow({
      where: { accountId_userId: { accountId: account.id, userId } },
    });
    expect(profile.info1).toBe('B');
  });

  it('needs drivers.manage (and charging_cards.manage for cards), never revealing another account', async () => {
    const { account } = await customer();
    const other = await customer();
    const manager = callerWith(randomUUID(), { accountIds: [account.id] }, [
      'drivers.read',
      'drivers.manage',
    ]);
    const reader = callerWith(randomUUID(), { accountIds: [account.id] }, ['drivers.read']);
    const userId = randomUUID();
    expect(
      await importDrivers(
        [
          { line: 1, accountId: other.account.id, userId },
          {
            line: 2,
            accountId: account.id,
            userId,
            chargingCardUids: ['NEW' + randomUUID().slice(0, 6)],
          },
          { line: 3, accountId: account.id, userId },
        ],
        { caller: manager },
      ),
    ).toEqual([
      {
        line: 1,
        outcome: INVALID,
        id: '',
        violations: [{ field: 'accountId', message: 'no such account' }],
      },
      {
        line: 2,
        outcome: FAILED,
        id: '',
        violations: [
          { field: 'chargingCardUids', message: 'you need charging_cards.manage on this account' },
        ],
      },
      { line: 3, outcome: CREATED, id: userId, violations: [] },
    ]);
    expect(
      await importDrivers([{ line: 1, accountId: account.id, userId: randomUUID() }], {
        caller: reader,
      }),
    ).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [{ field: 'accountId', message: 'you need drivers.manage on this account' }],
      },
    ]);
  });

  it('check_only answers what applying would, for users still to be made, changing nothing', async () => {
    const { account } = await customer();
    const importId = randomUUID();
    const before = [
      await app.database.driverProfile.count(),
      await app.database.costCenter.count(),
    ];
    expect(
      await importDrivers(
        [
          { line: 1, accountId: account.id, userId: '', costCenterName: 'Later' },
          {
            line: 2,
            accountId: account.id,
            userId: randomUUID(),
            chargingCardUids: ['C' + randomUUID().slice(0, 8)],
          },
        ],
        { importId, checkOnly: true },
      ),
    ).toEqual([
      { line: 1, outcome: CREATED, id: '', violations: [] },
      { line: 2, outcome: CREATED, id: expect.any(String), violations: [] },
    ]);
    expect([
      await app.database.driverProfile.count(),
      await app.database.costCenter.count(),
    ]).toEqual(before);
    expect(await app.database.importedRow.count({ where: { importId } })).toBe(0);
  });
});

describe('ImportDrivers chunks', () => {
  it('takes 1,000 rows in one call, sharing the cost centers they name', async () => {
    const { account } = await customer();
    const rows: Row[] = Array.from({ length: 1000 }, (_, index) => ({
      line: index + 1,
      accountId: account.id,
      userId: randomUUID(),
      costCenterName: `Center ${index % 5}`,
      userGroupNames: ['Depot'],
      chargingCardUids: [`B${index}-${account.id.slice(0, 8)}`],
    }));
    const results = await importDrivers(rows);
    expect(results.filter((result) => result.outcome === CREATED)).toHaveLength(1000);
    expect(await app.database.costCenter.count({ where: { accountId: account.id } })).toBe(5);
    expect(await app.database.chargingCard.count({ where: { accountId: account.id } })).toBe(1000);
    // A full chunk on a busy 2-core machine takes seconds: more than the default 5.
  }, 30_000);
});

describe('LookupDrivers', () => {
  it('answers profiles by names and uids, which import back unchanged', async () => {
    const { account } = await customer();
    const userId = randomUUID();
    const member = randomUUID();
    const row: Row = {
      line: 1,
      accountId: account.id,
      userId,
      costCenterName: 'Field',
      info1: 'X',
      info2: 'Y',
      vehicle: { make: 'VW', model: 'ID.3', licencePlate: 'XY-99-ZZ' },
      userGroupNames: ['Depot'],
      chargingCardUids: ['L' + randomUUID().slice(0, 8)],
      prioritised: true,
    };
    await importDrivers([row]);
    await app.publish(identity.MembershipGrantedSchema, {
      membership: {
        id: randomUUID(),
        userId: member,
        platform: false,
        accountIds: [account.id],
        roles: ['driver'],
        additionalPermissions: [],
      },
      occurredAt: timestampFromDate(new Date()),
    });
    const outsider = callerWith(randomUUID(), { accountIds: [randomUUID()] }, ['drivers.read']);
    const lookup = async (caller = operator) =>
      (
        await app.call(methods.lookupDrivers, {
          caller,
          keys: [
            { accountId: account.id, userId },
            { accountId: account.id, userId: member },
            { accountId: account.id, userId: randomUUID() },
          ],
        })
      ).drivers;
    let drivers: accounts.ImportedDriver[] = [];
    await eventually('the membership to arrive', async () => {
      drivers = await lookup();
      expect(drivers).toHaveLength(2);
    });
    expect(drivers[0]).toMatchObject({
      accountId: account.id,
      userId,
      costCenterName: 'Field',
      info1: 'X',
      info2: 'Y',
      vehicle: { make: 'VW', model: 'ID.3', licencePlate: 'XY99ZZ' },
      userGroupNames: ['Depot'],
      chargingCardUids: row.chargingCardUids,
      prioritised: true,
    });
    expect(drivers[1]).toMatchObject({
      userId: member,
      costCenterName: '',
      userGroupNames: [],
      chargingCardUids: [],
    });
    expect(await lookup(outsider)).toEqual([]);
    const again = await importDrivers([{ ...drivers[0], line: 1 }], { onConflict: UPDATE });
    expect(again).toEqual([{ line: 1, outcome: SKIPPED, id: userId, violations: [] }]);
  });
});
