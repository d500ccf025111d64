import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = invitations.InvitationsService.method;
const subjects = {
  getSettings: 'rpc.invitations.registration-settings.get.v1',
  putSettings: 'rpc.invitations.registration-settings.put.v1',
  register: 'rpc.invitations.registrations.register.v1',
  list: 'rpc.invitations.registrations.list.v1',
  approve: 'rpc.invitations.registrations.approve.v1',
  reject: 'rpc.invitations.registrations.reject.v1',
};
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const registrationId = '708192a3-b4c5-4d6e-8f70-8192a3b4c5d6';
const driverId = 'a3b4c5d6-e7f8-4091-a2b3-c4d5e6f70819';

const tokens: Record<string, TokenGrant> = {
  'manager-token': {
    accountIds: [accountId],
    permissions: ['invitations.read', 'invitations.manage'],
  },
  'reader-token': { accountIds: [accountId], permissions: ['invitations.read'] },
};

const registration = (status: string) => ({
  id: registrationId,
  accountId,
  userId: driverId,
  email: 'dan@drivers.example',
  name: 'Dan Driver',
  status,
  createdAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
  ...(status !== 'pending' && {
    decidedAt: timestampFromDate(new Date('2026-11-23T11:00:00Z')),
    decidedByUserId: userId,
  }),
});

const registrationBody = {
  registrationCode: 'FLEET-2026',
  email: 'dan@drivers.example',
  name: 'Dan Driver',
  password: 'Charge-Ahead-2026!',
};

describe('self-registration endpoints', () => {
  let bed: GatewayBed;
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.getRegistrationSettings, () => ({
      settings: { accountId, enabled: false },
    }));
    await fake.answer(method.putRegistrationSettings, ({ enabled }) => ({
      settings: {
        accountId,
        enabled,
        registrationCode: enabled ? 'FLEET-2026' : '',
        updatedAt: timestampFromDate(new Date('2026-11-23T09:00:00Z')),
      },
    }));
    await fake.answer(method.register, ({ registrationCode }) => {
      if (registrationCode !== 'FLEET-2026') {
        throw new DomainError('invalid_code', 'this code is not valid');
      }
      return { registration: registration('pending') };
    });
    await fake.answer(method.listRegistrations, () => ({
      registrations: [registration('pending')],
    }));
    await fake.answer(method.approveRegistration, () => ({
      registration: registration('approved'),
    }));
    await fake.answer(method.rejectRegistration, () => {
      throw new DomainError('conflict', 'the registration was decided already');
    });
  });
  afterAll(() => bed.stop());
  beforeEach(() => fake.received.clear());

  const send = (verb: string, path: string, body?: unknown, token?: string) =>
    fetch(`${gateway.url}${path}`, {
      method: verb,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const received = (subject: string) => fake.received.get(subject);
  const settingsPath = `/v1/accounts/${accountId}/registration-settings`;

  it('shows and changes whether drivers may register themselves, with the code', async () => {
    const current = await send('GET', settingsPath, undefined, 'reader-token');
    expect(await current.json()).toEqual({
      accountId,
      enabled: false,
      registrationCode: null,
      updatedAt: null,
    });

    const enabled = await send(
      'PUT',
      settingsPath,
      { enabled: true, rotateCode: true },
      'manager-token',
    );
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toEqual({
      accountId,
      enabled: true,
      registrationCode: 'FLEET-2026',
      updatedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(received(subjects.putSettings)).toMatchObject({
      accountId,
      enabled: true,
      rotateCode: true,
      caller: { userId },
    });
  });

  it('lets anyone register with a code, and tells them only that it waits for approval', async () => {
    const response = await send('POST', '/v1/registrations', {
      ...registrationBody,
      language: 'nl',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: registrationId,
      email: 'dan@drivers.example',
      name: 'Dan Driver',
      status: 'pending',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(received(subjects.register)).toMatchObject({
      ...registrationBody,
      language: 'nl',
      ip: '127.0.0.1',
    });

    const wrong = await send('POST', '/v1/registrations', {
      ...registrationBody,
      registrationCode: 'NOPE-0000',
    });
    expect(wrong.status).toBe(410);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_code' });
  });

  it('lists registrations to be approved, and approves or passes on why not', async () => {
    const list = await send(
      'GET',
      `/v1/registrations?status=pending&accountId=${accountId}`,
      undefined,
      'reader-token',
    );
    expect(await list.json()).toMatchObject({
      items: [{ id: registrationId, userId: driverId, status: 'pending', decidedAt: null }],
      nextCursor: null,
    });
    expect(received(subjects.list)).toMatchObject({ status: 'pending', accountId, limit: 50 });

    const approved = await send(
      'POST',
      `/v1/registrations/${registrationId}/approve`,
      undefined,
      'manager-token',
    );
    expect(await approved.json()).toMatchObject({
      status: 'approved',
      decidedAt: '2026-11-23T11:00:00.000Z',
      decidedByUserId: userId,
    });
    const rejected = await send(
      'POST',
      `/v1/registrations/${registrationId}/reject`,
      undefined,
      'manager-token',
    );
    expect(rejected.status).toBe(409);
  });

  it("passes the search of the registrants' email and name on as the query", async () => {
    const list = await send(
      'GET',
      `/v1/registrations?status=pending&q=dan_%25&accountId=${accountId}`,
      undefined,
      'reader-token',
    );
    expect(list.status).toBe(200);
    expect(received(subjects.list)).toMatchObject({ status: 'pending', accountId, query: 'dan_%' });
  });

  it('refuses bad input with 400 before asking the service', async () => {
    for (const body of [
      { ...registrationBody, registrationCode: undefined },
      { ...registrationBody, email: 'dan' },
      { ...registrationBody, password: '' },
      { ...registrationBody, language: 'es' },
      { ...registrationBody, role: 'account_admin' },
    ]) {
      expect((await send('POST', '/v1/registrations', body)).status).toBe(400);
    }
    for (const body of [{}, { enabled: 'yes' }, { enabled: true, code: 'MINE' }]) {
      expect((await send('PUT', settingsPath, body, 'manager-token')).status).toBe(400);
    }
    for (const query of ['status=to_be_approved', 'q=', `q=${'x'.repeat(201)}`]) {
      expect(
        (await send('GET', `/v1/registrations?${query}`, undefined, 'reader-token')).status,
      ).toBe(400);
    }
    for (const subject of [subjects.register, subjects.putSettings, subjects.list]) {
      expect(received(subject)).toBeUndefined();
    }
  });

  it('needs invitations.manage to change settings and decide, invitations.read to look', async () => {
    const attempts = [
      send('PUT', settingsPath, { enabled: true }, 'reader-token'),
      send('POST', `/v1/registrations/${registrationId}/approve`, undefined, 'reader-token'),
      send('POST', `/v1/registrations/${registrationId}/reject`, undefined, 'reader-token'),
      send('GET', settingsPath),
      send('GET', '/v1/registrations'),
    ];
    expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([
      403, 403, 403, 401, 401,
    ]);
    for (const subject of Object.values(subjects)) expect(received(subject)).toBeUndefined();
  });
});
