import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import type { TestGateway } from '../testing/start-gateway';

const method = invitations.InvitationsService.method;
const subjects = {
  create: 'rpc.invitations.joining-codes.create.v1',
  list: 'rpc.invitations.joining-codes.list.v1',
  rotate: 'rpc.invitations.joining-codes.rotate.v1',
  revoke: 'rpc.invitations.joining-codes.revoke.v1',
  redeem: 'rpc.invitations.joining-codes.redeem.v1',
};
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const codeId = '5e6f7081-92a3-4b4c-8d5e-6f708192a3b4';

const tokens: Record<string, TokenGrant> = {
  'manager-token': {
    accountIds: [accountId],
    permissions: ['invitations.read', 'invitations.manage'],
  },
  'driver-token': { accountIds: [accountId], permissions: ['sessions.read_own'] },
};

const code = (fields: Partial<invitations.JoiningCode> = {}) => ({
  id: codeId,
  accountId,
  code: 'K7QF-2M9D',
  role: 'driver',
  status: 'active',
  maxUses: 0,
  uses: 3,
  expiresAt: timestampFromDate(new Date('2026-12-23T10:00:00Z')),
  createdAt: timestampFromDate(new Date('2026-11-23T10:00:00Z')),
  createdByUserId: userId,
  ...fields,
});

describe('joining code endpoints', () => {
  let bed: GatewayBed;
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.createJoiningCode, (request) => ({
      joiningCode: code({ role: request.role ?? 'driver', maxUses: request.maxUses, uses: 0 }),
    }));
    await fake.answer(method.listJoiningCodes, () => ({
      joiningCodes: [code()],
      nextCursor: 'next',
    }));
    await fake.answer(method.rotateJoiningCode, () => ({
      joiningCode: code({ code: 'Z2XW-8H4T' }),
    }));
    await fake.answer(method.revokeJoiningCode, ({ joiningCodeId }) => {
      if (joiningCodeId !== codeId) throw new DomainError('not_found', 'no such code');
      return { joiningCode: code({ status: 'revoked' }) };
    });
    await fake.answer(method.redeemJoiningCode, ({ code: typed }) => {
      if (typed !== 'k7qf2m9d') throw new DomainError('invalid_code', 'this code is not valid');
      return { accountId, accountName: 'Fleet Partners', role: 'driver' };
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

  it('creates a code for the account, unlimited unless said otherwise', async () => {
    const response = await send(
      'POST',
      `/v1/accounts/${accountId}/joining-codes`,
      { role: 'driver', validDays: 7 },
      'manager-token',
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: codeId,
      accountId,
      code: 'K7QF-2M9D',
      role: 'driver',
      status: 'active',
      maxUses: null,
      uses: 0,
      expiresAt: '2026-12-23T10:00:00.000Z',
      createdAt: '2026-11-23T10:00:00.000Z',
      createdByUserId: userId,
    });
    expect(received(subjects.create)).toMatchObject({
      accountId,
      role: 'driver',
      maxUses: 0,
      validDays: 7,
      caller: { userId },
    });

    const limited = await send(
      'POST',
      `/v1/accounts/${accountId}/joining-codes`,
      { maxUses: 25 },
      'manager-token',
    );
    expect(await limited.json()).toMatchObject({ maxUses: 25 });
    expect(
      (received(subjects.create) as invitations.CreateJoiningCodeRequest).role,
    ).toBeUndefined();
  });

  it('lists, rotates and revokes codes', async () => {
    const list = await send(
      'GET',
      `/v1/accounts/${accountId}/joining-codes?limit=5`,
      undefined,
      'manager-token',
    );
    expect(await list.json()).toMatchObject({
      items: [{ code: 'K7QF-2M9D', uses: 3 }],
      nextCursor: 'next',
    });
    expect(received(subjects.list)).toMatchObject({ accountId, limit: 5 });

    const rotated = await send(
      'POST',
      `/v1/joining-codes/${codeId}/rotate`,
      undefined,
      'manager-token',
    );
    expect(await rotated.json()).toMatchObject({ id: codeId, code: 'Z2XW-8H4T' });
    expect(received(subjects.rotate)).toMatchObject({ joiningCodeId: codeId });

    const revoked = await send(
      'POST',
      `/v1/joining-codes/${codeId}/revoke`,
      undefined,
      'manager-token',
    );
    expect(await revoked.json()).toMatchObject({ status: 'revoked' });
    const unknown = await send(
      'POST',
      `/v1/joining-codes/${accountId}/revoke`,
      undefined,
      'manager-token',
    );
    expect(unknown.status).toBe(404);
  });

  it('lets any signed-in user redeem a code, passing where the request came from', async () => {
    const response = await send(
      'POST',
      '/v1/joining-codes/redeem',
      { code: 'k7qf2m9d' },
      'driver-token',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accountId,
      accountName: 'Fleet Partners',
      role: 'driver',
    });
    expect(received(subjects.redeem)).toMatchObject({
      code: 'k7qf2m9d',
      ip: '127.0.0.1',
      caller: { userId },
    });

    const wrong = await send(
      'POST',
      '/v1/joining-codes/redeem',
      { code: 'AAAA-BBBB' },
      'driver-token',
    );
    expect(wrong.status).toBe(410);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_code' });
    expect((await send('POST', '/v1/joining-codes/redeem', { code: 'k7qf2m9d' })).status).toBe(401);
  });

  it('refuses bad input with 400 before asking the service', async () => {
    const path = `/v1/accounts/${accountId}/joining-codes`;
    for (const body of [
      { validDays: 0 },
      { validDays: 366 },
      { maxUses: 0 },
      { maxUses: 2.5 },
      { role: 'platform_admin' },
      { role: 'driver', expires: 'never' },
    ]) {
      const response = await send('POST', path, body, 'manager-token');
      expect(`${JSON.stringify(body)}: ${response.status}`).toBe(`${JSON.stringify(body)}: 400`);
    }
    expect(
      (await send('POST', '/v1/accounts/not-a-uuid/joining-codes', {}, 'manager-token')).status,
    ).toBe(400);
    for (const body of [{}, { code: 'ab' }, { code: 'k7qf2m9d', accountId }]) {
      expect((await send('POST', '/v1/joining-codes/redeem', body, 'driver-token')).status).toBe(
        400,
      );
    }
    expect(received(subjects.create)).toBeUndefined();
    expect(received(subjects.redeem)).toBeUndefined();
  });

  it('needs invitations.manage to create, rotate and revoke, and invitations.read to list', async () => {
    const attempts = [
      send('POST', `/v1/accounts/${accountId}/joining-codes`, {}, 'driver-token'),
      send('GET', `/v1/accounts/${accountId}/joining-codes`, undefined, 'driver-token'),
      send('POST', `/v1/joining-codes/${codeId}/rotate`, undefined, 'driver-token'),
      send('POST', `/v1/joining-codes/${codeId}/revoke`, undefined, 'driver-token'),
    ];
    expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([
      403, 403, 403, 403,
    ]);
    for (const subject of [subjects.create, subjects.list, subjects.rotate, subjects.revoke]) {
      expect(received(subject)).toBeUndefined();
    }
  });
});
