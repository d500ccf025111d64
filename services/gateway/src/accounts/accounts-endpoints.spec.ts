import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = accounts.AccountsService.method;
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const otherAccountId = '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5';
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const cardId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const foreignCardId = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';

const tokens: Record<string, TokenGrant> = {
  'admin-token': {
    accountIds: [accountId],
    permissions: ['accounts.read', 'accounts.manage', 'drivers.read', 'drivers.manage'],
  },
  'driver-token': { accountIds: [accountId], permissions: ['sessions.read_own'] },
};

const card = (id: string, owner: string, valid = true) => ({
  id,
  accountId: owner,
  uid: '04A2B3C4D5E6F7',
  type: 'RFID',
  contractId: 'NL-TNM-C12345678-X',
  issuer: 'Onramp CPO',
  valid,
  whitelist: 'ALLOWED',
});

describe('accounts endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the accounts service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.createAccount, (request) => ({
      account: {
        id: accountId,
        name: request.name,
        type: request.type,
        language: 'en',
        licence: 'compact',
        status: 'active',
        company: request.company,
        contact: request.contact,
        createdAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
      },
    }));
    await fake.answer(method.getAccount, (request) => ({
      account: {
        id: request.accountId,
        name: 'Fleet',
        type: 'consumer',
        plan: 'pro',
        featureFlags: ['beta_reports'],
        effectiveFeatureFlags: ['beta_reports', 'energy_management', 'user_groups'],
      },
    }));
    await fake.answer(method.updateAccount, (request) => ({
      account: { id: request.accountId, name: 'Fleet', type: 'consumer', depth: 2 },
    }));
    // As the accounts service does: a card is found only in the account the request names.
    const cardIn = (owner: string, chargingCardId: string) => {
      const owners: Record<string, string> = {
        [cardId]: accountId,
        [foreignCardId]: otherAccountId,
      };
      if (owners[chargingCardId] !== owner) throw new DomainError('not_found', 'no such card');
    };
    await fake.answer(method.getChargingCard, ({ accountId: owner, chargingCardId }) => {
      cardIn(owner, chargingCardId);
      return { chargingCard: card(chargingCardId, owner) };
    });
    await fake.answer(method.invalidateChargingCard, ({ accountId: owner, chargingCardId }) => {
      cardIn(owner, chargingCardId);
      return { chargingCard: card(chargingCardId, owner, false) };
    });
    await fake.answer(method.updateChargingCard, ({ accountId: owner, chargingCardId }) => {
      cardIn(owner, chargingCardId);
      return { chargingCard: card(chargingCardId, owner) };
    });
    await fake.answer(method.updateCostCenter, (request) => ({
      costCenter: { id: request.costCenterId, accountId: request.accountId, name: request.name },
    }));
    await fake.answer(method.deleteCostCenter, () => ({}));
    await fake.answer(method.updateUserGroup, (request) => ({
      userGroup: { id: request.userGroupId, accountId: request.accountId, name: request.name },
    }));
    await fake.answer(method.deleteUserGroup, () => ({}));
    await fake.answer(method.listCostCenters, (request) => ({
      costCenters: [{ id: cardId, accountId: request.accountId, name: 'Sales' }],
    }));
    await fake.answer(method.listUserGroups, (request) => ({
      userGroups: [{ id: cardId, accountId: request.accountId, name: 'Depot' }],
    }));
    await fake.answer(method.listChargingCards, (request) => ({
      chargingCards: [card(cardId, request.accountId)],
    }));
    await fake.answer(method.listDrivers, () => ({ drivers: [], nextCursor: 'next' }));
    await fake.answer(method.updateDriver, (request) => ({
      driver: {
        accountId: request.accountId,
        userId: request.userId,
        info1: request.info1,
        vehicle: request.vehicle,
        userGroupIds: request.userGroupIds?.values ?? [],
      },
    }));
  });
  afterAll(() => bed.stop());

  const send = (verb: string, path: string, body?: unknown, token = 'admin-token') =>
    fetch(`${gateway.url}${path}`, {
      method: verb,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const received = <T>(subject: string) => fake.received.get(subject) as T;

  it('creates an account for the caller and answers absent optionals as null', async () => {
    const response = await send('POST', '/v1/accounts', {
      name: 'Fleet Partners',
      type: 'business',
      company: { legalName: 'Fleet Partners B.V.' },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: accountId,
      parentId: null,
      relation: null,
      name: 'Fleet Partners',
      type: 'business',
      company: { legalName: 'Fleet Partners B.V.', registrationNumber: null, vatNumber: null },
      billingAddress: null,
      contact: null,
      language: 'en',
      plan: null,
      featureFlags: [],
      effectiveFeatureFlags: [],
      paymentReference: null,
      reimbursementRateEurPerKwh: null,
      stationIssueEmails: false,
      licence: 'compact',
      status: 'active',
      level: null,
      depth: 0,
      externalId: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: null,
    });
    const request = received<accounts.CreateAccountRequest>('rpc.accounts.accounts.create.v1');
    expect(request.caller?.userId).toBe(userId);
    expect(request.parentId).toBeUndefined();
  });

  it("passes the contact's gender on and answers it; any other gender is refused", async () => {
    const response = await send('POST', '/v1/accounts', {
      name: 'Dana',
      type: 'consumer',
      contact: { name: 'Dana', gender: 'female' },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { contact: unknown }).contact).toEqual({
      name: 'Dana',
      phone: null,
      email: null,
      gender: 'female',
    });
    const request = received<accounts.CreateAccountRequest>('rpc.accounts.accounts.create.v1');
    expect(request.contact?.gender).toBe('female');
    const refused = await send('PATCH', `/v1/accounts/${accountId}`, {
      contact: { name: 'Dana', gender: 'other' },
    });
    expect(refused.status).toBe(400);
  });

  it("answers the plan, the account's own flags and the effective flags apart", async () => {
    const response = await send('GET', `/v1/accounts/${accountId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      plan: 'pro',
      featureFlags: ['beta_reports'],
      effectiveFeatureFlags: ['beta_reports', 'energy_management', 'user_groups'],
    });
  });

  it('turns null into a cleared field and an empty list into an empty replacement', async () => {
    const response = await send('PATCH', `/v1/accounts/${accountId}`, {
      parentId: null,
      featureFlags: [],
      reimbursementRateEurPerKwh: null,
    });
    expect(response.status).toBe(200);
    const request = received<accounts.UpdateAccountRequest>('rpc.accounts.accounts.update.v1');
    expect(request).toMatchObject({ accountId, parentId: '', reimbursementRateEurPerKwh: '' });
    expect(request.featureFlags?.values).toEqual([]);
    expect(request.plan).toBeUndefined();
    expect(request.licence).toBeUndefined();
    expect(request.caller?.userId).toBe(userId);
  });

  it('refuses a driver without drivers.read before asking the accounts service', async () => {
    const path = `/v1/accounts/${accountId}/drivers`;
    expect((await send('GET', path, undefined, 'driver-token')).status).toBe(403);
    expect(fake.received.has('rpc.accounts.drivers.list.v1')).toBe(false);
    const page = await send('GET', `${path}?tab=to_be_approved&limit=5`);
    expect(await page.json()).toEqual({ items: [], nextCursor: 'next' });
    const request = received<accounts.ListDriversRequest>('rpc.accounts.drivers.list.v1');
    expect(request).toMatchObject({ accountId, tab: 'to_be_approved', limit: 5 });
    await send('GET', `${path}?tab=invited&q=dana`);
    expect(received<accounts.ListDriversRequest>('rpc.accounts.drivers.list.v1')).toMatchObject({
      tab: 'invited',
      query: 'dana',
    });
    expect((await send('GET', `${path}?tab=everyone`)).status).toBe(400);
  });

  it("changes a driver's profile; null removes the cost center", async () => {
    const path = `/v1/accounts/${accountId}/drivers/${userId}`;
    const response = await send('PATCH', path, {
      costCenterId: null,
      info1: 'EMP-001',
      vehicle: { make: 'Kia' },
      userGroupIds: [cardId],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      info1: 'EMP-001',
      info2: null,
      costCenterId: null,
      vehicle: { make: 'Kia', model: null, licencePlate: null },
      userGroupIds: [cardId],
    });
    const request = received<accounts.UpdateDriverRequest>('rpc.accounts.drivers.update.v1');
    expect(request).toMatchObject({ accountId, userId, costCenterId: '', info1: 'EMP-001' });
    expect(request.newCostCenterName).toBeUndefined();
    const both = await send('PATCH', path, { costCenterId: cardId, newCostCenterName: 'Sales' });
    expect(both.status).toBe(400);
  });

  it('invalidates a card on DELETE and answers it, now valid: false', async () => {
    const response = await send('DELETE', `/v1/accounts/${accountId}/charging-cards/${cardId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: cardId,
      valid: false,
      visualNumber: null,
      groupId: null,
      assignedUserId: null,
      lastUpdated: null,
    });
  });

  it("names the path's account to the accounts service, which refuses another account's card", async () => {
    const path = `/v1/accounts/${accountId}/charging-cards/${foreignCardId}`;
    fake.received.delete('rpc.accounts.charging-cards.get.v1');
    expect((await send('GET', path)).status).toBe(404);
    expect((await send('PATCH', path, { whitelist: 'NEVER' })).status).toBe(404);
    expect((await send('DELETE', path)).status).toBe(404);
    for (const subject of [
      'rpc.accounts.charging-cards.get.v1',
      'rpc.accounts.charging-cards.update.v1',
      'rpc.accounts.charging-cards.invalidate.v1',
    ])
      expect(received<{ accountId: string; chargingCardId: string }>(subject)).toMatchObject({
        accountId,
        chargingCardId: foreignCardId,
      });
  });

  it('changes or invalidates a card without reading it first', async () => {
    const path = `/v1/accounts/${accountId}/charging-cards/${cardId}`;
    fake.received.delete('rpc.accounts.charging-cards.get.v1');
    expect((await send('PATCH', path, { whitelist: 'NEVER' })).status).toBe(200);
    expect((await send('DELETE', path)).status).toBe(200);
    expect(fake.received.has('rpc.accounts.charging-cards.get.v1')).toBe(false);
  });

  it("names the path's account when changing or removing cost centers and user groups", async () => {
    const base = `/v1/accounts/${accountId}`;
    expect((await send('PATCH', `${base}/cost-centers/${cardId}`, { name: 'Sales' })).status).toBe(
      200,
    );
    expect(received('rpc.accounts.cost-centers.update.v1')).toMatchObject({
      accountId,
      costCenterId: cardId,
    });
    expect((await send('DELETE', `${base}/cost-centers/${cardId}`)).status).toBe(204);
    expect(received('rpc.accounts.cost-centers.delete.v1')).toMatchObject({
      accountId,
      costCenterId: cardId,
    });
    expect((await send('PATCH', `${base}/user-groups/${cardId}`, { name: 'Depot' })).status).toBe(
      200,
    );
    expect(received('rpc.accounts.user-groups.update.v1')).toMatchObject({
      accountId,
      userGroupId: cardId,
    });
    expect((await send('DELETE', `${base}/user-groups/${cardId}`)).status).toBe(204);
    expect(received('rpc.accounts.user-groups.delete.v1')).toMatchObject({
      accountId,
      userGroupId: cardId,
    });
  });

  it("passes the search of an account's cost centers, user groups and cards on as the query", async () => {
    const base = `/v1/accounts/${accountId}`;
    const lists = [
      { path: 'cost-centers', subject: 'rpc.accounts.cost-centers.list.v1', name: 'Sales' },
      { path: 'user-groups', subject: 'rpc.accounts.user-groups.list.v1', name: 'Depot' },
      { path: 'charging-cards', subject: 'rpc.accounts.charging-cards.list.v1', name: undefined },
    ];
    for (const { path, subject, name } of lists) {
      fake.received.delete(subject);
      const response = await send('GET', `${base}/${path}?q=50%25_off&limit=10`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        items: [expect.objectContaining({ id: cardId, ...(name !== undefined && { name }) })],
        nextCursor: null,
      });
      expect(received(subject)).toMatchObject({ accountId, query: '50%_off', limit: 10 });
    }
  });

  it("refuses an empty search or one past 200 characters of an account's lists with 400", async () => {
    const base = `/v1/accounts/${accountId}`;
    for (const path of ['cost-centers', 'user-groups', 'charging-cards'])
      for (const q of ['', 'x'.repeat(201)]) {
        const response = await send('GET', `${base}/${path}?q=${q}`);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
  });

  it('unassigns a card with null', async () => {
    const path = `/v1/accounts/${accountId}/charging-cards/${cardId}`;
    expect((await send('PATCH', path, { assignedUserId: null })).status).toBe(200);
    const request = received<accounts.UpdateChargingCardRequest>(
      'rpc.accounts.charging-cards.update.v1',
    );
    expect(request).toMatchObject({ accountId, chargingCardId: cardId, assignedUserId: '' });
    expect(request.whitelist).toBeUndefined();
    expect((await send('PATCH', path, { valid: true })).status).toBe(400);
  });
});
