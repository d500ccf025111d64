import { randomUUID } from 'node:crypto';
import type { common } from '@onramp/contracts';
import { identity } from '@onramp/contracts';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;
const accountA = randomUUID();
const accountB = randomUUID();

describe('users and memberships are scoped to the caller (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let admin: common.Caller;
  let alice: Awaited<ReturnType<typeof personIn>>;
  let bob: Awaited<ReturnType<typeof personIn>>;
  let carol: Awaited<ReturnType<typeof personIn>>;

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app();
    admin = await adminCaller(app);
    alice = await personIn(app, admin, accountA, 'account_admin', 'alice');
    bob = await personIn(app, admin, accountB, 'driver', 'bob');
    carol = await personIn(app, admin, accountA, 'driver', 'carol');
  }, 120_000);

  afterAll(() => bed?.stop());

  it('hides users of other accounts as if they did not exist', async () => {
    await expect(
      app.call(methods.getUser, { caller: alice.caller, userId: bob.userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      app.call(methods.deactivateUser, { caller: alice.caller, userId: bob.userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const { user } = await app.call(methods.getUser, {
      caller: alice.caller,
      userId: carol.userId,
    });
    expect(user?.memberships[0]?.accountIds).toEqual([accountA]);
    // Everyone may read themself.
    await expect(
      app.call(methods.getUser, { caller: bob.caller, userId: bob.userId }),
    ).resolves.toBeDefined();
  });

  it('lets a user keep their own name and language current, but not change their email', async () => {
    const { user } = await app.call(methods.updateUser, {
      caller: bob.caller,
      userId: bob.userId,
      name: 'bob',
      language: 'nl',
    });
    expect(user?.language).toBe('nl');
    await expect(
      app.call(methods.updateUser, {
        caller: bob.caller,
        userId: bob.userId,
        email: 'bob@elsewhere.example',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps a gender once given ("female" or "male"), and no external id unless imported', async () => {
    const { user: before } = await app.call(methods.getUser, {
      caller: admin,
      userId: carol.userId,
    });
    expect(before).toMatchObject({ gender: '', externalId: '' });
    const { user } = await app.call(methods.updateUser, {
      caller: carol.caller,
      userId: carol.userId,
      gender: 'female',
    });
    expect(user).toMatchObject({ gender: 'female', name: 'carol', externalId: '' });
    await expect(
      app.call(methods.updateUser, { caller: admin, userId: carol.userId, gender: 'f' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'gender', message: 'must be one of female, male' }],
    });
    expect(
      await app.database.user.findUniqueOrThrow({ where: { id: carol.userId } }),
    ).toMatchObject({ gender: 'female', externalId: null });
  });

  it('lists only visible users, filtered, in pages', async () => {
    const { users } = await app.call(methods.listUsers, { caller: alice.caller });
    expect(users.map((user) => user.name).sort()).toEqual(['alice', 'carol']);

    const first = await app.call(methods.listUsers, { caller: admin, limit: 2 });
    expect(first.users).toHaveLength(2);
    const second = await app.call(methods.listUsers, {
      caller: admin,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect([...first.users, ...second.users].map((user) => user.name)).toEqual([
      'Administrator',
      'alice',
      'bob',
      'carol',
    ]);
    expect(second.nextCursor).toBeUndefined();

    const drivers = await app.call(methods.listUsers, { caller: admin, role: 'driver' });
    expect(drivers.users.map((user) => user.name).sort()).toEqual(['bob', 'carol']);
    const staff = await app.call(methods.listUsers, { caller: admin, platform: true });
    expect(staff.users.map((user) => user.name)).toEqual(['Administrator']);
    const customers = await app.call(methods.listUsers, { caller: admin, platform: false });
    expect(customers.users.map((user) => user.name)).toEqual(['alice', 'bob', 'carol']);
    const matching = await app.call(methods.listUsers, { caller: admin, query: 'CAR' });
    expect(matching.users.map((user) => user.name)).toEqual(['carol']);
    // A typed % is a character, not a wildcard.
    const literal = await app.call(methods.listUsers, { caller: admin, query: '%' });
    expect(literal.users).toEqual([]);
  });

  it('lets nobody grant more than they hold, nor touch their own memberships', async () => {
    const grant = (
      caller: common.Caller,
      userId: string,
      roles: string[],
      accountIds = [accountA],
    ) => app.call(methods.grantMembership, { caller, userId, membership: { accountIds, roles } });

    // Bob is nobody Alice manages: he does not exist for her.
    await expect(
      grant(alice.caller, bob.userId, ['account_admin'], [accountB]),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(grant(alice.caller, carol.userId, ['enterprise_admin'])).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(grant(alice.caller, alice.userId, ['account_owner'])).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      app.call(methods.grantMembership, {
        caller: alice.caller,
        userId: carol.userId,
        membership: { platform: true, roles: ['platform_admin'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(grant(alice.caller, carol.userId, ['no_such_role'])).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'membership.roles', message: 'unknown role "no_such_role"' }],
    });
    const own = alice.caller.grants[0];
    const ownMembership = await app.database.membership.findFirstOrThrow({
      where: { userId: alice.userId },
    });
    await expect(
      app.call(methods.updateMembership, {
        caller: alice.caller,
        membershipId: ownMembership.id,
        membership: { accountIds: own.accountIds, roles: ['enterprise_admin'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const { membership } = await grant(alice.caller, carol.userId, ['billing_admin']);
    expect(membership).toMatchObject({ userId: carol.userId, roles: ['billing_admin'] });
    await app.call(methods.revokeMembership, {
      caller: alice.caller,
      membershipId: membership!.id,
    });
    expect(await app.events(identity.MembershipRevokedSchema)).toHaveLength(1);
  });

  it('creates users only where the caller manages users', async () => {
    await expect(
      app.call(methods.createUser, {
        caller: alice.caller,
        email: 'intruder@example.com',
        name: 'Intruder',
        memberships: [{ accountIds: [accountB], roles: ['driver'] }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { user } = await app.call(methods.createUser, {
      caller: alice.caller,
      email: ' New.Driver@Example.com ',
      name: 'New driver',
      language: 'nl',
      memberships: [{ accountIds: [accountA], roles: ['driver'] }],
    });
    expect(user).toMatchObject({
      email: 'new.driver@example.com',
      status: 'invited',
      language: 'nl',
    });
    await expect(
      app.call(methods.createUser, {
        caller: admin,
        email: 'NEW.DRIVER@example.com',
        name: 'Twin',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await app.call(methods.createUser, {
      caller: admin,
      email: 'pct@example.com',
      name: '100% d_r',
    });
    const literal = await app.call(methods.listUsers, { caller: admin, query: '0% d_' });
    expect(literal.users.map((found) => found.name)).toEqual(['100% d_r']);
  });

  it('needs users.delete to erase, and never lets a user deactivate themself', async () => {
    await expect(
      app.call(methods.deleteUser, { caller: alice.caller, userId: carol.userId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call(methods.deactivateUser, { caller: alice.caller, userId: alice.userId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.call(methods.deleteUser, { caller: admin, userId: bob.userId });
    await expect(
      app.call(methods.getUser, { caller: admin, userId: bob.userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await app.events(identity.UserDeletedSchema)).toEqual([
      expect.objectContaining({ userId: bob.userId }),
    ]);
  });
});
