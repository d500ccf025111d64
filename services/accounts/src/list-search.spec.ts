import { randomUUID } from 'node:crypto';
import { accounts } from '@onramp/contracts';
import { AccountsApp } from './testing/accounts-app';

const methods = accounts.AccountsService.method;

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

const customer = () =>
  app.customer([
    'accounts.read',
    'cost_centers.manage',
    'user_groups.manage',
    'charging_cards.read',
    'charging_cards.manage',
  ]);

function refusal(promise: Promise<unknown>): Promise<{ code: string }> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as { code: string },
  );
}

describe("an account's cost centers and user groups are searched by name", () => {
  it('lists the cost centers whose name holds the search, in any case, and % and _ literally', async () => {
    const {
      account: { id: accountId },
      admin,
    } = await customer();
    for (const name of [
      'Sales North',
      'sales south',
      'Depot',
      '100% Sales',
      'Field_Ops',
      'FieldXOps',
    ])
      await app.call(methods.createCostCenter, { caller: admin, accountId, name });
    const names = async (query: string) =>
      (await app.call(methods.listCostCenters, { caller: admin, accountId, query })).costCenters
        .map((costCenter) => costCenter.name)
        .sort();

    expect(await names('SALES')).toEqual(['100% Sales', 'Sales North', 'sales south']);
    expect(await names('%')).toEqual(['100% Sales']);
    expect(await names('Field_')).toEqual(['Field_Ops']);
    expect(await names('Nowhere')).toEqual([]);
    expect(await names('  depot ')).toEqual(['Depot']);
  });

  it('lists the user groups whose name holds the search, a blank search lists them all', async () => {
    const {
      account: { id: accountId },
      admin,
    } = await customer();
    for (const name of ['Night shift', 'Day shift', 'Visitors'])
      await app.call(methods.createUserGroup, { caller: admin, accountId, name });
    const names = async (query: string) =>
      (await app.call(methods.listUserGroups, { caller: admin, accountId, query })).userGroups
        .map((group) => group.name)
        .sort();

    expect(await names('SHIFT')).toEqual(['Day shift', 'Night shift']);
    expect(await names('%')).toEqual([]);
    expect(await names('Nowhere')).toEqual([]);
    expect(await names(' ')).toEqual(['Day shift', 'Night shift', 'Visitors']);
  });

  it('refuses a search longer than 200 characters', async () => {
    const {
      account: { id: accountId },
      admin,
    } = await customer();
    const refused = await refusal(
      app.call(methods.listCostCenters, { caller: admin, accountId, query: 'x'.repeat(201) }),
    );
    expect(refused.code).toBe('validation_failed');
  });
});

describe("an account's charging cards are searched by uid and visual number", () => {
  it('lists the cards whose uid or visual number holds the search, % and _ literally', async () => {
    const {
      account: { id: accountId },
      admin,
    } = await customer();
    const tag = randomUUID().slice(0, 8);
    const cards = [
      { uid: `${tag}-AA11`, visualNumber: 'Van 7' },
      { uid: `${tag}-BB22`, visualNumber: 'Pool_car' },
      { uid: `${tag}-C%33`, visualNumber: '' },
    ];
    for (const card of cards)
      await app.call(methods.createChargingCard, {
        caller: admin,
        accountId,
        type: 'RFID',
        contractId: 'NL-TNM-C12345678-X',
        issuer: 'Onramp',
        ...card,
      });
    const uids = async (query: string) =>
      (await app.call(methods.listChargingCards, { caller: admin, accountId, query })).chargingCards
        .map((card) => card.uid)
        .sort();

    expect(await uids(`${tag}-aa`)).toEqual([`${tag}-AA11`]);
    expect(await uids('VAN 7')).toEqual([`${tag}-AA11`]);
    expect(await uids('pool_')).toEqual([`${tag}-BB22`]);
    expect(await uids('%3')).toEqual([`${tag}-C%33`]);
    expect(await uids('Van_7')).toEqual([]);
    expect(await uids(tag)).toEqual(cards.map((card) => card.uid).sort());
    expect(await uids('Nowhere')).toEqual([]);
  });
});
