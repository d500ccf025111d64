import { randomUUID } from 'node:crypto';
import { identity, tokenContext } from '@onramp/contracts';
import { Api } from './api';
import { awaitEvent } from './events';
import { BOOTSTRAP_ADMIN, eventually, Stack } from './stack';

interface User {
  id: string;
  email: string;
  status: string;
  memberships: { id: string; roles: string[]; accountIds: string[] }[];
}

describe('identity and the gateway: who may do what', () => {
  let stack: Stack;
  let anonymous: Api;
  let admin: Api;
  const accountA = randomUUID();
  const accountB = randomUUID();
  const password = 'Plug-and-Charge-42!';
  /** Every password, token and key the tests handled: none may appear in any service's log. */
  const secrets: string[] = [password, BOOTSTRAP_ADMIN.password];

  /** Creates an active user with one account membership, as the bootstrap admin. */
  async function createUser(email: string, accountId: string, roles: string[]): Promise<User> {
    const response = await admin.post<User>('/v1/users', {
      email,
      name: email.split('@')[0],
      password,
      memberships: [{ accountIds: [accountId], roles }],
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'gateway']);
    anonymous = Api.of(stack);
    admin = (await anonymous.loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('lets the bootstrap admin log in as platform admin', async () => {
    const me = await admin.get<{ user: User; grants: { platform: boolean; roles: string[] }[] }>(
      '/v1/me',
    );
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: BOOTSTRAP_ADMIN.email, status: 'active' });
    expect(me.body.grants).toEqual([
      expect.objectContaining({ platform: true, roles: ['platform_admin'] }),
    ]);
  });

  it('refuses every protected endpoint without a valid credential', async () => {
    for (const credential of [undefined, 'not-a-token', 'onr_unknown_key']) {
      const caller = credential === undefined ? anonymous : anonymous.as(credential);
      const response = await caller.get('/v1/users');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers a correctly signed token naming a session that cannot exist as an unknown session', async () => {
    const { tokens } = await anonymous.loginAsAdmin();
    const claims = JSON.parse(
      Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString(),
    ) as { sub: string; sid: string };
    const answerTo = async (token: string) => {
      const response = await fetch(`${stack.gatewayUrl}/v1/me`, {
        headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'forged-claims' },
      });
      return { status: response.status, body: await response.text() };
    };
    // The test signs as identity does: its own copy of a real token is accepted.
    expect((await answerTo(stack.signAccessToken(claims))).status).toBe(200);

    const unknownSession = await answerTo(
      stack.signAccessToken({ sub: claims.sub, sid: randomUUID() }),
    );
    expect(unknownSession.status).toBe(401);
    for (const forged of [
      { sub: claims.sub, sid: 'not-a-uuid' },
      { sub: claims.sub, sid: `${claims.sid}'--` },
      { sub: 'not-a-uuid', sid: claims.sid },
      { sub: claims.sub, sid: '' },
    ]) {
      expect(await answerTo(stack.signAccessToken(forged))).toEqual(unknownSession);
    }
  });

  it('keeps account admins inside their accounts: other accounts look empty, no escalation', async () => {
    const alice = await createUser('alice@cpo.test', accountA, ['account_admin']);
    const carol = await createUser('carol@cpo.test', accountA, ['driver']);
    const bob = await createUser('bob@fleet.test', accountB, ['driver']);
    const { api: asAlice } = await anonymous.login('alice@cpo.test', password);

    const listed = await asAlice.get<{ items: User[] }>('/v1/users');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((user) => user.email).sort()).toEqual([
      'alice@cpo.test',
      'carol@cpo.test',
    ]);
    expect((await asAlice.get(`/v1/users?accountId=${accountB}`)).body).toMatchObject({
      items: [],
    });
    expect((await asAlice.get(`/v1/users/${carol.id}`)).status).toBe(200);
    for (const response of [
      await asAlice.get(`/v1/users/${bob.id}`),
      await asAlice.patch(`/v1/users/${bob.id}`, { name: 'Renamed' }),
      await asAlice.post(`/v1/users/${bob.id}/deactivate`),
    ]) {
      expect(response.status).toBe(404);
    }
    // Erasing users is for account owners: refused before any lookup, so it tells nothing either.
    expect((await asAlice.delete(`/v1/users/${bob.id}`)).status).toBe(403);

    // Escalation: her own membership, a platform role, a role she lacks, another account.
    const own = alice.memberships[0];
    const attempts = [
      asAlice.patch(`/v1/users/${alice.id}/memberships/${own.id}`, {
        accountIds: [accountA],
        roles: ['account_owner'],
      }),
      asAlice.post(`/v1/users/${alice.id}/memberships`, {
        platform: true,
        roles: ['platform_admin'],
      }),
      asAlice.post(`/v1/users/${carol.id}/memberships`, {
        accountIds: [accountA],
        roles: ['enterprise_admin'],
      }),
      asAlice.post(`/v1/users/${carol.id}/memberships`, {
        accountIds: [accountB],
        roles: ['driver'],
      }),
      asAlice.post('/v1/users', {
        email: 'mallory@cpo.test',
        name: 'Mallory',
        memberships: [{ platform: true, roles: ['support'] }],
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
    }
    const mine = await asAlice.get<{ grants: { roles: string[]; platform: boolean }[] }>('/v1/me');
    expect(mine.body.grants).toEqual([
      expect.objectContaining({ platform: false, roles: ['account_admin'] }),
    ]);

    // Within her account she may hand out what she holds.
    const granted = await asAlice.post(`/v1/users/${carol.id}/memberships`, {
      accountIds: [accountA],
      roles: ['billing_admin'],
    });
    expect(granted.status).toBe(201);
  });

  it('lets every user keep their own name and language current, and nothing more', async () => {
    const judy = await createUser('judy@cpo.test', accountA, ['driver']);
    const { api: asJudy } = await anonymous.login(judy.email, password);
    const renamed = await asJudy.patch<User & { name: string; language: string }>('/v1/me', {
      name: 'Judy H.',
      language: 'de',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Judy H.', language: 'de' });
    expect((await asJudy.patch('/v1/me', { email: 'judy@elsewhere.test' })).status).toBe(400);
    expect((await asJudy.patch(`/v1/users/${judy.id}`, { name: 'x' })).status).toBe(403);
  });

  it('ends access at once when a user is deactivated, and restores it on reactivation', async () => {
    const dave = await createUser('dave@cpo.test', accountA, ['driver']);
    const { api: asDave } = await anonymous.login('dave@cpo.test', password);
    expect((await asDave.get('/v1/me')).status).toBe(200);

    const deactivated = await admin.post<User>(`/v1/users/${dave.id}/deactivate`);
    expect(deactivated.body.status).toBe('deactivated');
    expect((await asDave.get('/v1/me')).status).toBe(401);
    expect((await anonymous.post('/v1/auth/login', { email: dave.email, password })).status).toBe(
      401,
    );

    expect((await admin.post(`/v1/users/${dave.id}/reactivate`)).body).toMatchObject({
      status: 'active',
    });
    expect((await anonymous.login(dave.email, password)).tokens.accessToken).toBeTruthy();
    await awaitEvent(stack.infrastructure.natsUrl, identity.UserDeactivatedSchema, (event) => {
      return event.userId === dave.id;
    });
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    await createUser('erin@cpo.test', accountA, ['driver']);
    const { api: asErin, tokens: first } = await anonymous.login('erin@cpo.test', password);
    secrets.push(first.accessToken, first.refreshToken);
    const second = await anonymous.post<{ refreshToken: string; accessToken: string }>(
      '/v1/auth/refresh',
      { refreshToken: first.refreshToken },
    );
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const reuse = await anonymous.post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    const afterReuse = await anonymous.post('/v1/auth/refresh', {
      refreshToken: second.body.refreshToken,
    });
    expect(afterReuse.status).toBe(401);
    expect((await anonymous.as(second.body.accessToken).get('/v1/me')).status).toBe(401);
    expect((await asErin.get('/v1/me')).status).toBe(401);
  });

  it('logs out: the session and its tokens stop working', async () => {
    const { api, tokens } = await anonymous.login(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password);
    expect((await api.post('/v1/auth/logout')).status).toBe(204);
    expect((await api.get('/v1/me')).status).toBe(401);
    expect(
      (await anonymous.post('/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status,
    ).toBe(401);
  });

  it('resets a password by email without revealing which emails exist', async () => {
    const frank = await createUser('frank@cpo.test', accountA, ['driver']);
    const known = await anonymous.post('/v1/auth/password-reset', { email: 'Frank@CPO.test' });
    const unknown = await anonymous.post('/v1/auth/password-reset', { email: 'nobody@cpo.test' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.status).toBe(202);

    const issued = await awaitEvent(
      stack.infrastructure.natsUrl,
      identity.PasswordResetIssuedSchema,
      (event) => event.userId === frank.id,
    );
    // The stream holds the token sealed: what it carries does not reset anything.
    const carried = await anonymous.post('/v1/auth/password-reset/confirm', {
      token: issued.token,
      newPassword: 'Stream-Reader-2026?',
    });
    expect(carried.status).toBe(400);
    const token = stack.eventTokens.fromEvent(
      issued.token,
      tokenContext.passwordReset(issued.userId),
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secrets.push(token);
    const weak = await anonymous.post('/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'password',
    });
    expect(weak.status).toBe(400);
    const newPassword = 'Fresh-Start-2026?';
    const confirmed = await anonymous.post('/v1/auth/password-reset/confirm', {
      token,
      newPassword,
    });
    expect(confirmed.status).toBe(204);
    expect((await anonymous.post('/v1/auth/login', { email: frank.email, password })).status).toBe(
      401,
    );
    await anonymous.login(frank.email, newPassword);
    const again = await anonymous.post('/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'Another-Start-2026?',
    });
    expect(again.status).toBe(400);

    // No reset was issued for the unknown address.
    const stored = await stack.query<{ count: string }>(
      `SELECT count(*) FROM identity.users WHERE email = 'nobody@cpo.test'`,
    );
    expect(stored[0].count).toBe('0');
  });

  it('slows down repeated failed logins with 429 and Retry-After, without a permanent lock', async () => {
    const grace = await createUser('grace@cpo.test', accountA, ['driver']);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await anonymous.post('/v1/auth/login', {
        email: grace.email,
        password: 'Wrong-Password-1!',
      });
      statuses.push(response.status);
      retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(900);
  });

  it('lets an API key do what its permissions allow, within its account, and nothing else', async () => {
    const created = await admin.post<{ apiKey: { id: string; prefix: string }; secret: string }>(
      '/v1/api-keys',
      { accountId: accountA, name: 'fleet sync', permissions: ['users.read'] },
    );
    expect(created.status).toBe(201);
    secrets.push(created.body.secret);
    const key = anonymous.as(created.body.secret);

    const listed = await key.get<{ items: User[] }>('/v1/users');
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    for (const user of listed.body.items) {
      expect(user.memberships.some((m) => m.accountIds.includes(accountA))).toBe(true);
    }
    const outsider = await createUser('heidi@fleet.test', accountB, ['driver']);
    expect((await key.get(`/v1/users/${outsider.id}`)).status).toBe(404);
    expect(
      (await key.post('/v1/users', { email: 'x@cpo.test', name: 'X', memberships: [] })).status,
    ).toBe(403);
    expect(
      (
        await key.post('/v1/api-keys', {
          accountId: accountA,
          name: 'more',
          permissions: ['users.read'],
        })
      ).status,
    ).toBe(403);

    const keys = await admin.get<{ items: Record<string, unknown>[] }>(
      `/v1/api-keys?accountId=${accountA}`,
    );
    expect(JSON.stringify(keys.body)).not.toContain(created.body.secret);
    await eventually('last use to be recorded', async () => {
      const rows = await stack.query<{ last_used_at: Date | null }>(
        'SELECT last_used_at FROM identity.api_keys WHERE id = $1',
        [created.body.apiKey.id],
      );
      return Boolean(rows[0]?.last_used_at);
    });

    expect((await admin.delete(`/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
    expect((await key.get('/v1/users')).status).toBe(401);
  });

  it('erases a deleted user everywhere', async () => {
    const ivan = await createUser('ivan@cpo.test', accountA, ['driver']);
    await eventually('accounts to know ivan', async () => {
      const rows = await stack.query('SELECT 1 FROM accounts.user_directory WHERE user_id = $1', [
        ivan.id,
      ]);
      return rows.length === 1;
    });
    expect((await admin.delete(`/v1/users/${ivan.id}`)).status).toBe(204);
    expect((await admin.get(`/v1/users/${ivan.id}`)).status).toBe(404);
    expect(
      await stack.query('SELECT 1 FROM identity.users WHERE email = $1', ['ivan@cpo.test']),
    ).toEqual([]);
    await eventually('accounts to erase ivan', async () => {
      const rows = await stack.query('SELECT 1 FROM accounts.user_directory WHERE user_id = $1', [
        ivan.id,
      ]);
      return rows.length === 0;
    });
  });

  it('never writes a password, token or key into any service log', () => {
    for (const service of ['gateway', 'identity', 'accounts'] as const) {
      const log = stack.process(service).output().join('\n');
      expect(log.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(log.includes(secret)).toBe(false);
    }
  });
});
