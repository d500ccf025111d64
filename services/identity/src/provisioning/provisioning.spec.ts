import { randomUUID } from 'node:crypto';
import type { common } from '@onramp/contracts';
import { identity } from '@onramp/contracts';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;
const PASSWORD = 'Invitee-Passw0rd!';

describe('provisioning users for invitations (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let admin: common.Caller;

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app();
    admin = await adminCaller(app);
  }, 120_000);

  afterAll(() => bed?.stop());

  /** A request for a new driver of a fresh account, under a fresh key. */
  function invitee(overrides: Partial<Parameters<typeof provision>[0]> = {}) {
    const accountId = randomUUID();
    return {
      accountId,
      request: {
        idempotencyKey: `invitation:${randomUUID()}`,
        email: `invitee-${randomUUID().slice(0, 8)}@example.com`,
        name: 'Ivy Invitee',
        language: 'nl',
        password: PASSWORD,
        memberships: [{ accountIds: [accountId], roles: ['driver'] }],
        status: 'active',
        ...overrides,
      },
    };
  }

  function provision(request: Parameters<IdentityApp['call']>[1] & object) {
    return app.call(methods.provisionUser, request);
  }

  async function eventsFor(userId: string) {
    const [created, granted, provisioned] = await Promise.all([
      app.events(identity.UserCreatedSchema),
      app.events(identity.MembershipGrantedSchema),
      app.events(identity.UserProvisionedSchema),
    ]);
    return {
      created: created.filter((event) => event.userId === userId),
      granted: granted.filter((event) => event.membership?.userId === userId),
      provisioned: provisioned.filter((event) => event.userId === userId),
    };
  }

  it('creates a user who can log in at once with the invited memberships', async () => {
    const { accountId, request } = invitee({ email: ' Ivy.New@Example.com ' });
    const answer = await provision(request);
    expect(answer).toMatchObject({
      created: true,
      alreadyProvisioned: false,
      user: { email: 'ivy.new@example.com', name: 'Ivy Invitee', language: 'nl', status: 'active' },
    });
    const caller = await app.callerOf(
      (await app.login('ivy.new@example.com', PASSWORD)).accessToken,
    );
    expect(caller.grants).toEqual([
      expect.objectContaining({ platform: false, accountIds: [accountId], roles: ['driver'] }),
    ]);
    const events = await eventsFor(answer.user!.id);
    expect(events.created).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(events.granted).toHaveLength(1);
    expect(events.provisioned).toEqual([
      expect.objectContaining({
        idempotencyKey: request.idempotencyKey,
        created: true,
        membershipIds: [answer.user!.memberships[0].id],
      }),
    ]);
  });

  it('answers a repeated key with the first result and changes nothing', async () => {
    const { request } = invitee();
    const first = await provision(request);
    const again = await provision({
      ...request,
      name: 'Someone Else',
      password: 'Other-Passw0rd!',
    });
    expect(again).toMatchObject({ created: true, alreadyProvisioned: true });
    expect(again.user).toMatchObject({ id: first.user!.id, name: 'Ivy Invitee' });
    expect(again.user!.memberships).toHaveLength(1);
    await expect(app.login(request.email, 'Other-Passw0rd!')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const events = await eventsFor(first.user!.id);
    expect([events.created, events.granted, events.provisioned].map((list) => list.length)).toEqual(
      [1, 1, 1],
    );
  });

  it('provisions once when two calls with one key race', async () => {
    const { request } = invitee();
    const answers = await Promise.all([provision(request), provision(request), provision(request)]);
    expect(new Set(answers.map((answer) => answer.user!.id)).size).toBe(1);
    expect(answers.filter((answer) => !answer.alreadyProvisioned)).toHaveLength(1);
    expect(await app.database.user.count({ where: { email: request.email } })).toBe(1);
    expect(await app.database.membership.count({ where: { userId: answers[0].user!.id } })).toBe(1);

    // Joining an existing user has no new email to collide on: the key alone keeps it once.
    const member = await personIn(app, admin, randomUUID(), 'driver');
    const join = invitee({ email: member.email, existingUserId: member.userId }).request;
    const joins = await Promise.all([provision(join), provision(join), provision(join)]);
    expect(joins.filter((answer) => !answer.alreadyProvisioned)).toHaveLength(1);
    expect(await app.database.membership.count({ where: { userId: member.userId } })).toBe(2);
  });

  it('refuses a weak password, naming it, and writes nothing', async () => {
    const { request } = invitee({ password: 'password' });
    const outboxBefore = await app.database.outboxMessage.count();
    await expect(provision(request)).rejects.toMatchObject({
      code: 'validation_failed',
      violations: expect.arrayContaining([
        { field: 'password', message: 'must contain an upper-case letter' },
      ]),
    });
    await expect(provision({ ...request, password: undefined })).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'password', message: 'is required for a new user' }],
    });
    expect(await app.database.user.count({ where: { email: request.email } })).toBe(0);
    expect(
      await app.database.userProvisioning.count({
        where: { idempotencyKey: request.idempotencyKey },
      }),
    ).toBe(0);
    expect(await app.database.outboxMessage.count()).toBe(outboxBefore);
    // The key is still free: the invitee may try again with a better password.
    await expect(provision({ ...request, password: PASSWORD })).resolves.toMatchObject({
      created: true,
    });
  });

  it('names every problem of a new user at once, and only checks when asked to', async () => {
    const { request } = invitee({ name: '', password: 'password' });
    const refusal = await provision(request).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'validation_failed' });
    const fields = (refusal as { violations: { field: string }[] }).violations.map(
      (violation) => violation.field,
    );
    expect([...new Set(fields)].sort()).toEqual(['name', 'password']);
    await expect(provision({ ...request, checkOnly: true })).rejects.toMatchObject({
      code: 'validation_failed',
    });

    const complete = { ...request, name: 'Ivy Invitee', password: PASSWORD, checkOnly: true };
    expect((await provision(complete)).user).toBeUndefined();
    expect(await app.database.user.count({ where: { email: request.email } })).toBe(0);
    expect(
      await app.database.userProvisioning.count({
        where: { idempotencyKey: request.idempotencyKey },
      }),
    ).toBe(0);
  });

  it('tells an existing user to log in before naming what their form lacks', async () => {
    const holder = await personIn(app, admin, randomUUID(), 'driver');
    const { request } = invitee({ email: holder.email, name: '', password: 'password' });
    await expect(provision(request)).rejects.toMatchObject({ code: 'login_required' });
    await expect(provision({ ...request, checkOnly: true })).rejects.toMatchObject({
      code: 'login_required',
    });
  });

  it('refuses memberships the role catalogue does not know', async () => {
    const { request } = invitee({
      memberships: [{ accountIds: [randomUUID()], roles: ['nobody'] }],
    });
    await expect(provision(request)).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'memberships[0].roles', message: 'unknown role "nobody"' }],
    });
  });

  it('completes a user who was invited without a password', async () => {
    const { accountId, request } = invitee();
    const { user: invited } = await app.call(methods.createUser, {
      caller: admin,
      email: request.email,
      name: 'Placeholder',
      memberships: [{ accountIds: [accountId], roles: ['billing_admin'] }],
    });
    expect(invited!.status).toBe('invited');
    const answer = await provision(request);
    expect(answer).toMatchObject({
      created: true,
      user: { id: invited!.id, name: 'Ivy Invitee', language: 'nl', status: 'active' },
    });
    const caller = await app.callerOf((await app.login(request.email, PASSWORD)).accessToken);
    expect(caller.grants.map((grant) => grant.roles)).toEqual([['billing_admin'], ['driver']]);
    const activated = await app.events(identity.UserActivatedSchema);
    expect(activated.filter((event) => event.userId === invited!.id)).toHaveLength(1);
    const updated = await app.events(identity.UserUpdatedSchema);
    expect(updated.filter((event) => event.userId === invited!.id)).toEqual([
      expect.objectContaining({ name: 'Ivy Invitee', language: 'nl' }),
    ]);
  });

  it('lets an existing user join with their own account, keeping their password', async () => {
    const member = await personIn(app, admin, randomUUID(), 'driver');
    const { accountId, request } = invitee({
      email: member.email.toUpperCase(),
      existingUserId: member.userId,
      password: undefined,
      name: '',
    });
    const answer = await provision(request);
    expect(answer).toMatchObject({ created: false, user: { id: member.userId } });
    const caller = await app.callerOf((await app.login(member.email, member.password)).accessToken);
    expect(caller.grants.flatMap((grant) => grant.accountIds)).toContain(accountId);
    expect((await eventsFor(member.userId)).provisioned).toEqual([
      expect.objectContaining({ created: false, membershipIds: [answer.user!.memberships[1].id] }),
    ]);
  });

  it('asks whoever holds the email with a password to log in first', async () => {
    const holder = await personIn(app, admin, randomUUID(), 'driver');
    const other = await personIn(app, admin, randomUUID(), 'driver');
    const { request } = invitee({ email: holder.email });
    await expect(provision(request)).rejects.toMatchObject({ code: 'login_required' });
    await expect(provision({ ...request, existingUserId: other.userId })).rejects.toMatchObject({
      code: 'login_required',
    });
    const stranger = invitee({ existingUserId: other.userId }).request;
    await expect(provision(stranger)).rejects.toMatchObject({ code: 'conflict' });
    await expect(provision({ ...stranger, existingUserId: randomUUID() })).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'existingUserId', message: 'no such user' }],
    });
    expect(await app.database.membership.count({ where: { userId: holder.userId } })).toBe(1);
  });

  it('keeps a self-registered user out until approved', async () => {
    const { request } = invitee({
      idempotencyKey: `registration:${randomUUID()}`,
      status: 'pending_approval',
    });
    const { user } = await provision(request);
    expect(user!.status).toBe('pending_approval');
    // The same answer as a wrong password, as for a deactivated user.
    await expect(app.login(request.email, PASSWORD)).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: 'email or password is incorrect',
    });
    const { user: approved } = await app.call(methods.activatePendingUser, {
      userId: user!.id,
      byUserId: admin.userId,
    });
    expect(approved).toMatchObject({ status: 'active' });
    expect(approved!.activatedAt).toBeDefined();
    await expect(app.login(request.email, PASSWORD)).resolves.toBeDefined();
    const activated = await app.events(identity.UserActivatedSchema);
    expect(activated.filter((event) => event.userId === user!.id)).toHaveLength(1);
    await expect(
      app.call(methods.activatePendingUser, { userId: user!.id, byUserId: admin.userId }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('erases a rejected registration as DeleteUser erases, and only a pending one', async () => {
    const { request } = invitee({
      idempotencyKey: `registration:${randomUUID()}`,
      status: 'pending_approval',
    });
    const { user } = await provision(request);
    await app.call(methods.erasePendingUser, { userId: user!.id, byUserId: admin.userId });
    expect(await app.database.user.findUnique({ where: { id: user!.id } })).toBeNull();
    expect(await app.database.membership.count({ where: { userId: user!.id } })).toBe(0);
    expect(
      (await app.events(identity.UserDeletedSchema)).filter((event) => event.userId === user!.id),
    ).toEqual([expect.objectContaining({ byUserId: admin.userId })]);
    await expect(
      app.call(methods.erasePendingUser, { userId: user!.id, byUserId: admin.userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const active = await personIn(app, admin, randomUUID(), 'driver');
    await expect(
      app.call(methods.erasePendingUser, { userId: active.userId, byUserId: admin.userId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // The registration happened: retrying its key does not bring the erased user back.
    await expect(provision(request)).rejects.toMatchObject({ code: 'conflict' });
  });
});
