import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FakeIdentity, TokenGrant } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import {
  answerInvitationTokens,
  invitationToken,
  type KnownToken,
} from '../testing/invitation-tokens';
import type { TestGateway } from '../testing/start-gateway';

const method = invitations.InvitationsService.method;
const subjects = {
  create: 'rpc.invitations.invitations.create.v1',
  list: 'rpc.invitations.invitations.list.v1',
  get: 'rpc.invitations.invitations.get.v1',
  resend: 'rpc.invitations.invitations.resend.v1',
  revoke: 'rpc.invitations.invitations.revoke.v1',
  lookup: 'rpc.invitations.invitations.lookup.v1',
  accept: 'rpc.invitations.invitations.accept.v1',
};
const userId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const invitationId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const missingId = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const supersededId = '4d5e6f70-8192-4a3b-9c4d-5e6f70819a2b';

const tokens: Record<string, TokenGrant> = {
  'manager-token': {
    accountIds: [accountId],
    permissions: ['invitations.read', 'invitations.manage', 'invitations.share_link'],
  },
  'reader-token': { accountIds: [accountId], permissions: ['invitations.read'] },
  'driver-token': { accountIds: [accountId], permissions: ['sessions.read_own'] },
};

const at = (iso: string) => timestampFromDate(new Date(iso));

type InvitationInit = MessageInitShape<typeof invitations.InvitationSchema>;

/** The invitation the stand-in answers for a spec: pending, its email not sent (no provider). */
const invitationWith = (
  spec: MessageInitShape<typeof invitations.InvitationSpecSchema> | undefined,
  email = 'ann@fleet.example',
): InvitationInit => ({
  id: invitationId,
  kind: 'sub_account',
  email,
  language: 'nl',
  spec,
  status: 'pending',
  displayStatus: 'invited',
  accountIds: [accountId],
  invitedByUserId: userId,
  createdAt: at('2026-11-23T10:00:00Z'),
  expiresAt: at('2026-11-24T10:00:00Z'),
  emailStatus: {
    status: 'not_sent',
    reason: 'provider_not_configured',
    updatedAt: at('2026-11-23T10:00:01Z'),
  },
  history: [
    { action: 'created', at: at('2026-11-23T10:00:00Z'), byUserId: userId, ip: '203.0.113.9' },
    {
      action: 'email_not_sent',
      at: at('2026-11-23T10:00:01Z'),
      detail: 'provider_not_configured',
    },
  ],
});

const subAccountSpec = {
  kind: {
    case: 'subAccount' as const,
    value: {
      parentAccountId: accountId,
      relation: 'employee',
      accountName: 'Fleet East',
      accountType: 'business',
      reimbursementRateEurPerKwh: '0.3125',
    },
  },
};

const subAccountBody = {
  kind: 'sub_account',
  email: 'ann@fleet.example',
  name: 'Ann Smit',
  language: 'nl',
  parentAccountId: accountId,
  relation: 'employee',
  accountName: 'Fleet East',
  accountType: 'business',
  reimbursementRateEurPerKwh: '0.3125',
  personalMessage: 'Welcome!',
};

const acceptToken = invitationToken('accept');
const existingToken = invitationToken('existing');
const knownTokens = new Map<string, KnownToken>([
  [
    acceptToken,
    {
      preview: {
        kind: 'sub_account',
        email: 'ann@fleet.example',
        name: 'Ann Smit',
        language: 'nl',
        accountName: 'Fleet Partners',
        newAccountName: 'Fleet East',
        companyRequired: true,
        inviterName: 'Bob Admin',
        expiresAt: at('2026-11-24T10:00:00Z'),
        roles: ['account_owner'],
      },
      accept: () => ({ userId: 'new-user', invitationId, accountId: 'new-account' }),
    },
  ],
  [
    existingToken,
    {
      preview: { kind: 'account', email: 'eve@fleet.example', language: 'en', existingUser: true },
      accept: ({ caller }) => {
        if (caller === undefined) {
          throw new DomainError('login_required', 'this email already has an account');
        }
        return { userId: caller.userId, invitationId };
      },
    },
  ],
]);

describe('invitation endpoints', () => {
  let bed: GatewayBed;
  // One stand-in answers both identity (authentication) and the invitations service.
  let fake: FakeIdentity;
  let gateway: TestGateway;

  beforeAll(async () => {
    bed = await GatewayBed.start();
    ({ fake, gateway } = bed);
    await fake.acceptTokens(userId, tokens);
    await fake.answer(method.createInvitation, (request) => ({
      invitation: invitationWith(request.spec, request.email),
      acceptanceUrl: request.sendEmail === false ? `http://onramp.test/invite/${acceptToken}` : '',
      supersededInvitationId: supersededId,
    }));
    await fake.answer(method.listInvitations, () => ({
      invitations: [invitationWith(subAccountSpec)],
      nextCursor: 'page-2',
    }));
    await fake.answer(method.getInvitation, ({ invitationId: id }) => {
      if (id === missingId) throw new DomainError('not_found', 'no such invitation');
      return { invitation: invitationWith(subAccountSpec) };
    });
    await fake.answer(method.resendInvitation, ({ invitationId: id, sendEmail }) => {
      if (id === missingId) throw DomainError.rateLimited('resent too often', 120);
      return {
        invitation: { ...invitationWith(subAccountSpec), resendCount: 1 },
        acceptanceUrl: sendEmail === false ? 'http://onramp.test/invite/fresh' : '',
      };
    });
    await fake.answer(method.revokeInvitation, ({ invitationId: id }) => {
      if (id === missingId) throw new DomainError('conflict', 'the invitation was accepted');
      return {
        invitation: {
          ...invitationWith(subAccountSpec),
          status: 'revoked',
          displayStatus: 'deactivated',
        },
      };
    });
    await answerInvitationTokens(fake, knownTokens);
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
  const asManager = (verb: string, path: string, body?: unknown) =>
    send(verb, path, body, 'manager-token');
  const received = <T>(subject: string) => fake.received.get(subject) as T;
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status, code });
  };

  describe('creating', () => {
    it('invites into a new sub-account and shows the invitation with why its email was not sent', async () => {
      const response = await asManager('POST', '/v1/invitations', subAccountBody);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({
        id: invitationId,
        kind: 'sub_account',
        email: 'ann@fleet.example',
        name: null,
        language: 'nl',
        parentAccountId: accountId,
        relation: 'employee',
        accountName: 'Fleet East',
        accountType: 'business',
        reimbursementRateEurPerKwh: '0.3125',
        status: 'pending',
        displayStatus: 'invited',
        personalMessage: null,
        accountIds: [accountId],
        invitedByUserId: userId,
        createdAt: '2026-11-23T10:00:00.000Z',
        expiresAt: '2026-11-24T10:00:00.000Z',
        acceptedAt: null,
        acceptedUserId: null,
        createdAccountId: null,
        emailStatus: {
          status: 'not_sent',
          reason: 'provider_not_configured',
          updatedAt: '2026-11-23T10:00:01.000Z',
        },
        resendCount: 0,
        history: [
          {
            action: 'created',
            at: '2026-11-23T10:00:00.000Z',
            byUserId: userId,
            ip: '203.0.113.9',
            detail: null,
          },
          {
            action: 'email_not_sent',
            at: '2026-11-23T10:00:01.000Z',
            byUserId: null,
            ip: null,
            detail: 'provider_not_configured',
          },
        ],
        supersededInvitationId: supersededId,
      });
      expect(received(subjects.create)).toMatchObject({
        caller: { userId },
        email: 'ann@fleet.example',
        name: 'Ann Smit',
        language: 'nl',
        personalMessage: 'Welcome!',
        ip: '127.0.0.1',
        spec: subAccountSpec,
      });
      expect(
        received<invitations.CreateInvitationRequest>(subjects.create).sendEmail,
      ).toBeUndefined();
    });

    it('invites a sub-account through the parent account’s own route, as the same invitation', async () => {
      const { kind: _kind, parentAccountId: _parent, ...body } = subAccountBody;
      const response = await asManager('POST', `/v1/accounts/${accountId}/sub-accounts`, body);
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ id: invitationId, kind: 'sub_account' });
      expect(received(subjects.create)).toMatchObject({
        caller: { userId },
        email: 'ann@fleet.example',
        spec: subAccountSpec,
      });
      const withKind = await asManager('POST', `/v1/accounts/${accountId}/sub-accounts`, {
        ...body,
        kind: 'admin',
      });
      expect(withKind.status).toBe(400);
      const badId = await asManager('POST', '/v1/accounts/nope/sub-accounts', body);
      expect(badId.status).toBe(400);
    });

    it('answers the acceptance link only when no email is sent', async () => {
      const withEmail = (await (
        await asManager('POST', '/v1/invitations', subAccountBody)
      ).json()) as Record<string, unknown>;
      expect(withEmail).not.toHaveProperty('acceptanceUrl');

      const response = await asManager('POST', '/v1/invitations', {
        ...subAccountBody,
        sendEmail: false,
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        acceptanceUrl: `http://onramp.test/invite/${acceptToken}`,
      });
      expect(received(subjects.create)).toMatchObject({ sendEmail: false });
    });

    it.each([
      [
        'system_user',
        { kind: 'system_user', roles: ['support', 'billing'] },
        { case: 'systemUser', value: { roles: ['support', 'billing'] } },
      ],
      [
        'account_owner',
        { kind: 'account_owner', accountId },
        { case: 'accountOwner', value: { accountId } },
      ],
      [
        'end_user',
        {
          kind: 'end_user',
          accountId,
          accountName: 'Ann private',
          role: 'driver',
          accountType: 'consumer',
        },
        {
          case: 'endUser',
          value: {
            accountId,
            accountName: 'Ann private',
            role: 'driver',
            accountType: 'consumer',
            reimbursementRateEurPerKwh: '',
          },
        },
      ],
      [
        'admin',
        { kind: 'admin', accountId, level: 'location' },
        { case: 'admin', value: { accountId, level: 'location' } },
      ],
      [
        'account_user',
        {
          kind: 'account_user',
          accountIds: [accountId],
          role: 'billing_admin',
          additionalPermissions: ['exports.read'],
        },
        {
          case: 'accountUser',
          value: {
            accountIds: [accountId],
            role: 'billing_admin',
            additionalPermissions: ['exports.read'],
          },
        },
      ],
      [
        'account',
        { kind: 'account', accountId },
        { case: 'account', value: { accountId, role: '' } },
      ],
    ])('maps an invitation of kind %s onto its spec and back', async (_kind, fields, kind) => {
      const response = await asManager('POST', '/v1/invitations', {
        email: 'ann@fleet.example',
        ...fields,
      });
      expect(response.status).toBe(201);
      expect(received(subjects.create)).toMatchObject({ spec: { kind } });
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ ...fields, kind: fields.kind });
    });

    it.each([
      ['an unknown kind', { ...subAccountBody, kind: 'friend' }, 'kind'],
      ['no kind', { email: 'ann@fleet.example', accountId }, 'kind'],
      [
        'a sub-account without a parent',
        { ...subAccountBody, parentAccountId: undefined },
        'parentAccountId',
      ],
      [
        'a sub-account with an unknown relation',
        { ...subAccountBody, relation: 'friend' },
        'relation',
      ],
      [
        'a sub-account with a bad rate',
        { ...subAccountBody, reimbursementRateEurPerKwh: '0,31' },
        'reimbursementRateEurPerKwh',
      ],
      [
        'an end user without an account name',
        { kind: 'end_user', email: 'a@b.nl', accountId, role: 'driver', accountType: 'consumer' },
        'accountName',
      ],
      [
        'an end user as billing admin',
        {
          kind: 'end_user',
          email: 'a@b.nl',
          accountId,
          accountName: 'A',
          role: 'billing_admin',
          accountType: 'consumer',
        },
        'role',
      ],
      [
        'system staff with an account role',
        { kind: 'system_user', email: 'a@b.nl', roles: ['driver'] },
        'roles.0',
      ],
      ['system staff without roles', { kind: 'system_user', email: 'a@b.nl', roles: [] }, 'roles'],
      [
        'an account user without accounts',
        { kind: 'account_user', email: 'a@b.nl', accountIds: [], role: 'driver' },
        'accountIds',
      ],
      [
        'an admin at an unknown level',
        { kind: 'admin', email: 'a@b.nl', accountId, level: 'galaxy' },
        'level',
      ],
      [
        'a malformed account id',
        { kind: 'account_owner', email: 'a@b.nl', accountId: 'acc-1' },
        'accountId',
      ],
      ['a malformed email', { ...subAccountBody, email: 'ann' }, 'email'],
      [
        'a personal message over 1000 characters',
        { ...subAccountBody, personalMessage: 'x'.repeat(1001) },
        'personalMessage',
      ],
      ['an unknown language', { ...subAccountBody, language: 'es' }, 'language'],
      ['a field of another kind', { ...subAccountBody, level: 'company' }, '(body)'],
    ])(
      'refuses %s with 400 naming the field, before asking the service',
      async (_what, body, field) => {
        const response = await asManager('POST', '/v1/invitations', body);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await response.json()) as { violations: { field: string }[] };
        expect(problem.violations.map((violation) => violation.field)).toContain(field);
        expect(fake.received.has(subjects.create)).toBe(false);
      },
    );

    it('refuses a body that is not JSON, and no body at all', async () => {
      const text = await fetch(`${gateway.url}/v1/invitations`, {
        method: 'POST',
        headers: { authorization: 'Bearer manager-token', 'content-type': 'text/plain' },
        body: 'ann@fleet.example',
      });
      expect(text.status).toBe(415);
      await expectProblem(await asManager('POST', '/v1/invitations'), 400, 'validation_failed');
      expect(fake.received.has(subjects.create)).toBe(false);
    });

    it('needs invitations.manage somewhere, and a credential', async () => {
      await expectProblem(
        await send('POST', '/v1/invitations', subAccountBody, 'reader-token'),
        403,
        'forbidden',
      );
      await expectProblem(
        await send('POST', '/v1/invitations', subAccountBody),
        401,
        'unauthenticated',
      );
      expect(fake.received.has(subjects.create)).toBe(false);
    });
  });

  describe('reading and managing', () => {
    it('lists invitations without their history and passes the filters on', async () => {
      const response = await send(
        'GET',
        `/v1/invitations?status=pending&kind=sub_account&accountId=${accountId}&q=fleet&cursor=page-2&limit=10`,
        undefined,
        'reader-token',
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        items: Record<string, unknown>[];
        nextCursor: string;
      };
      expect(page.nextCursor).toBe('page-2');
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        id: invitationId,
        kind: 'sub_account',
        status: 'pending',
      });
      expect(page.items[0]).not.toHaveProperty('history');
      expect(received(subjects.list)).toMatchObject({
        status: 'pending',
        kind: 'sub_account',
        accountId,
        query: 'fleet',
        cursor: 'page-2',
        limit: 10,
        caller: { userId },
      });
    });

    it('refuses unknown filters and values before asking the service', async () => {
      for (const query of [
        'status=invited-ish',
        'kind=friend',
        'accountId=acc-1',
        'limit=101',
        'sort=email',
      ]) {
        const response = await send('GET', `/v1/invitations?${query}`, undefined, 'reader-token');
        expect(`${query}: ${response.status}`).toBe(`${query}: 400`);
      }
      expect(fake.received.has(subjects.list)).toBe(false);
    });

    it('shows one invitation with its history; one the caller cannot see is 404', async () => {
      const response = await send(
        'GET',
        `/v1/invitations/${invitationId}`,
        undefined,
        'reader-token',
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { history: unknown[] };
      expect(body.history).toHaveLength(2);
      await expectProblem(
        await send('GET', `/v1/invitations/${missingId}`, undefined, 'reader-token'),
        404,
        'not_found',
      );
      await expectProblem(
        await send('GET', '/v1/invitations/not-a-uuid', undefined, 'reader-token'),
        400,
        'validation_failed',
      );
    });

    it('resends with or without an email, passing where the request came from', async () => {
      const plain = await asManager('POST', `/v1/invitations/${invitationId}/resend`);
      expect(plain.status).toBe(200);
      const body = (await plain.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ id: invitationId, resendCount: 1 });
      expect(body).not.toHaveProperty('acceptanceUrl');
      expect(received(subjects.resend)).toMatchObject({ invitationId, ip: '127.0.0.1' });

      const linkOnly = await asManager('POST', `/v1/invitations/${invitationId}/resend`, {
        sendEmail: false,
      });
      expect(await linkOnly.json()).toMatchObject({
        acceptanceUrl: 'http://onramp.test/invite/fresh',
      });
      await expectProblem(
        await asManager('POST', `/v1/invitations/${invitationId}/resend`, { email: 'x@y.nl' }),
        400,
        'validation_failed',
      );
    });

    it('passes on that an invitation was resent too often, with Retry-After', async () => {
      const response = await asManager('POST', `/v1/invitations/${missingId}/resend`);
      await expectProblem(response, 429, 'rate_limited');
      expect(response.headers.get('retry-after')).toBe('120');
    });

    it('revokes, and passes on that an accepted invitation cannot be', async () => {
      const response = await asManager('POST', `/v1/invitations/${invitationId}/revoke`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'revoked',
        displayStatus: 'deactivated',
      });
      expect(received(subjects.revoke)).toMatchObject({ invitationId, ip: '127.0.0.1' });
      await expectProblem(
        await asManager('POST', `/v1/invitations/${missingId}/revoke`),
        409,
        'conflict',
      );
    });

    it('needs invitations.read to read and invitations.manage to change', async () => {
      await expectProblem(
        await send('GET', '/v1/invitations', undefined, 'driver-token'),
        403,
        'forbidden',
      );
      await expectProblem(
        await send('GET', `/v1/invitations/${invitationId}`, undefined, 'driver-token'),
        403,
        'forbidden',
      );
      for (const action of ['resend', 'revoke']) {
        await expectProblem(
          await send(
            'POST',
            `/v1/invitations/${invitationId}/${action}`,
            undefined,
            'reader-token',
          ),
          403,
          'forbidden',
        );
      }
      await expectProblem(await send('GET', '/v1/invitations'), 401, 'unauthenticated');
      for (const subject of [subjects.list, subjects.get, subjects.resend, subjects.revoke]) {
        expect(fake.received.has(subject)).toBe(false);
      }
    });
  });

  describe('by token, without credentials', () => {
    it('shows what a link offers to anyone who has it', async () => {
      const response = await send('GET', `/v1/invitations/lookup?token=${acceptToken}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        kind: 'sub_account',
        email: 'ann@fleet.example',
        name: 'Ann Smit',
        language: 'nl',
        accountName: 'Fleet Partners',
        newAccountName: 'Fleet East',
        companyRequired: true,
        personalMessage: null,
        inviterName: 'Bob Admin',
        expiresAt: '2026-11-24T10:00:00.000Z',
        existingUser: false,
        roles: ['account_owner'],
      });
      expect(received(subjects.lookup)).toEqual(
        expect.objectContaining({ token: acceptToken, ip: '127.0.0.1' }),
      );
    });

    it('answers an unknown link 410 and a malformed or missing token 400', async () => {
      await expectProblem(
        await send('GET', `/v1/invitations/lookup?token=${invitationToken('unknown')}`),
        410,
        'invalid_token',
      );
      await expectProblem(
        await send('GET', '/v1/invitations/lookup?token=abc'),
        400,
        'validation_failed',
      );
      await expectProblem(await send('GET', '/v1/invitations/lookup'), 400, 'validation_failed');
    });

    it('accepts with name, password and company, passing no caller', async () => {
      const response = await send('POST', '/v1/invitations/accept', {
        token: acceptToken,
        name: ' Ann de Smit ',
        password: 'Fresh-Start-2026!',
        company: { legalName: 'Fleet East B.V.', vatNumber: 'NL123456789B01' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        userId: 'new-user',
        invitationId,
        accountId: 'new-account',
      });
      const request = received<invitations.AcceptInvitationRequest>(subjects.accept);
      expect(request).toMatchObject({
        token: acceptToken,
        name: 'Ann de Smit',
        password: 'Fresh-Start-2026!',
        company: {
          legalName: 'Fleet East B.V.',
          registrationNumber: '',
          vatNumber: 'NL123456789B01',
        },
        ip: '127.0.0.1',
      });
      expect(request.caller).toBeUndefined();
    });

    it('accepts for a signed-in user with the caller their bearer token resolves to', async () => {
      await expectProblem(
        await send('POST', '/v1/invitations/accept', { token: existingToken, name: 'Eve' }),
        409,
        'login_required',
      );
      const response = await send(
        'POST',
        '/v1/invitations/accept',
        { token: existingToken },
        'driver-token',
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ userId, invitationId, accountId: null });
      // No name: the service keeps the one the invitation was made with.
      expect(received(subjects.accept)).toMatchObject({ caller: { userId }, name: '' });
    });

    it('refuses a bearer token that is not valid instead of accepting anonymously', async () => {
      await expectProblem(
        await send(
          'POST',
          '/v1/invitations/accept',
          { token: existingToken, name: 'Eve' },
          'forged',
        ),
        401,
        'unauthenticated',
      );
      expect(fake.received.has(subjects.accept)).toBe(false);
    });

    it('refuses a malformed acceptance before asking the service', async () => {
      for (const body of [
        { name: 'Ann' },
        { token: 'not a token', name: 'Ann' },
        { token: acceptToken, name: '   ' },
        { token: acceptToken, name: 'Ann', role: 'platform_admin' },
        { token: acceptToken, name: 'Ann', company: { legalName: 'X', iban: 'NL00' } },
      ]) {
        await expectProblem(
          await send('POST', '/v1/invitations/accept', body),
          400,
          'validation_failed',
        );
      }
      expect(fake.received.has(subjects.accept)).toBe(false);
    });
  });

  it('documents every operation in the OpenAPI document; accept takes an optional bearer token', async () => {
    const document = (await (await fetch(`${gateway.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; security: object[] }>>;
    };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'createInvitation',
        'listInvitations',
        'getInvitation',
        'resendInvitation',
        'revokeInvitation',
        'lookupInvitation',
        'acceptInvitation',
        'createJoiningCode',
        'listJoiningCodes',
        'rotateJoiningCode',
        'revokeJoiningCode',
        'redeemJoiningCode',
        'getRegistrationSettings',
        'putRegistrationSettings',
        'register',
        'listRegistrations',
        'approveRegistration',
        'rejectRegistration',
      ]),
    );
    expect(document.paths['/v1/invitations/accept']?.post?.security).toEqual([{}, { bearer: [] }]);
    expect(document.paths['/v1/invitations/lookup']?.get?.security).toEqual([]);
  });
});
