import { identity } from '@onramp/contracts';
import { ADMIN, IdentityTestBed, type IdentityApp } from '../testing/identity-app';

const methods = identity.IdentityService.method;
const client = { ip: '127.0.0.1', userAgent: 'jest' };

describe('authentication (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    // Two replicas starting together: the first admin must still be created once. Requests reach
    // either replica (one queue group), so both get the same settings.
    const settings = { LOGIN_FREE_FAILURES: '2' };
    [app] = await Promise.all([bed.app(settings), bed.app(settings)]);
  }, 120_000);

  afterAll(() => bed?.stop());

  it('creates the configured first admin exactly once', async () => {
    const users = await app.database.user.findMany({ include: { memberships: true } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: ADMIN.email, status: 'active' });
    expect(users[0].memberships).toEqual([
      expect.objectContaining({ platform: true, roles: ['platform_admin'] }),
    ]);
    expect(await app.events(identity.UserCreatedSchema)).toHaveLength(1);
  });

  it('logs in and resolves the access token to a caller with the platform grant', async () => {
    const tokens = await app.login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    const caller = await app.callerOf(tokens.accessToken);
    const admin = await app.database.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    expect(caller.userId).toBe(admin.id);
    expect(caller.sessionId).not.toBe('');
    expect(caller.grants).toEqual([
      expect.objectContaining({ platform: true, roles: ['platform_admin'] }),
    ]);
    expect(caller.grants[0].permissions).toContain('users.manage');
    expect(admin.lastLoginAt).not.toBeNull();
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const expected = { code: 'unauthenticated', detail: 'email or password is incorrect' };
    await expect(app.login(ADMIN.email, 'Not-the-passw0rd')).rejects.toMatchObject(expected);
    await expect(app.login('nobody@example.com', ADMIN.password)).rejects.toMatchObject(expected);
  });

  it('slows guessing down after the free failures, without checking the password, and a success resets it', async () => {
    const email = 'Target@Example.com';
    await app.call(methods.createUser, {
      caller: await app.callerOf((await app.login(ADMIN.email, ADMIN.password)).accessToken),
      email,
      name: 'Target',
      password: 'Target-Passw0rd!',
    });
    await expect(app.login(email, 'wrong-1')).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(app.login(email, 'wrong-2')).rejects.toMatchObject({ code: 'unauthenticated' });
    // The clock is set rather than waited on, so a slow machine cannot move the window.
    const lastFailureAt = (at: Date) =>
      app.database.loginThrottle.update({
        where: { email: 'target@example.com' },
        data: { lastFailureAt: at },
      });
    await lastFailureAt(new Date());
    // Even the right password is refused inside the window.
    await expect(app.login(email, 'Target-Passw0rd!')).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 1,
    });
    await lastFailureAt(new Date(Date.now() - 2_000));
    await expect(app.login(email, 'Target-Passw0rd!')).resolves.toBeDefined();
    // The counter was reset: two more failures are free again.
    await expect(app.login(email, 'wrong-3')).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(app.login(email, 'wrong-4')).rejects.toMatchObject({ code: 'unauthenticated' });
    const attempts = await app.database.loginAttempt.count({
      where: { user: { email: 'target@example.com' } },
    });
    expect(attempts).toBe(5);
  });

  it('rotates refresh tokens and revokes the whole family when an old one comes back', async () => {
    const first = await app.login(ADMIN.email, ADMIN.password);
    const { tokens: second } = await app.call(methods.refresh, {
      refreshToken: first.refreshToken,
      client,
    });
    const { tokens: third } = await app.call(methods.refresh, {
      refreshToken: second!.refreshToken,
      client,
    });
    expect((await app.callerOf(third!.accessToken)).sessionId).toBe(
      (await app.callerOf(first.accessToken)).sessionId,
    );
    // Someone replays the first token: the session ends for everyone holding it.
    await expect(
      app.call(methods.refresh, { refreshToken: first.refreshToken, client }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      app.call(methods.refresh, { refreshToken: third!.refreshToken, client }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(app.callerOf(third!.accessToken)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('logs out a session, and refuses log-out for an API key caller', async () => {
    const tokens = await app.login(ADMIN.email, ADMIN.password);
    const caller = await app.callerOf(tokens.accessToken);
    await app.call(methods.logout, { caller });
    await expect(app.callerOf(tokens.accessToken)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      app.call(methods.logout, { caller: { userId: caller.userId, apiKeyId: caller.userId } }),
    ).rejects.toMatchObject({ code: 'validation_failed', detail: 'log out applies to sessions' });
  });

  it('stops an existing access token at once when its user is deactivated', async () => {
    const admin = await app.callerOf((await app.login(ADMIN.email, ADMIN.password)).accessToken);
    const { user } = await app.call(methods.createUser, {
      caller: admin,
      email: 'leaver@example.com',
      name: 'Leaver',
      password: 'Leaver-Passw0rd!',
    });
    const tokens = await app.login('leaver@example.com', 'Leaver-Passw0rd!');
    await expect(app.callerOf(tokens.accessToken)).resolves.toMatchObject({ userId: user!.id });
    await app.call(methods.deactivateUser, { caller: admin, userId: user!.id });
    await expect(app.callerOf(tokens.accessToken)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(app.login('leaver@example.com', 'Leaver-Passw0rd!')).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: 'email or password is incorrect',
    });
    expect(await app.events(identity.UserDeactivatedSchema)).toEqual([
      expect.objectContaining({ userId: user!.id, byUserId: admin.userId }),
    ]);
  });

  it('rejects forged or malformed access tokens with the same answer', async () => {
    const tokens = await app.login(ADMIN.email, ADMIN.password);
    const [header, payload] = tokens.accessToken.split('.');
    for (const token of ['garbage', `${header}.${payload}.AAAA`]) {
      await expect(app.callerOf(token)).rejects.toMatchObject({
        code: 'unauthenticated',
        detail: 'the credentials are invalid or have expired',
      });
    }
  });
});
