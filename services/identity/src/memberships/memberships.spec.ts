import { randomUUID } from 'node:crypto';
import { accounts, identity, type common } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;

// Customer A (with a sub-account) and customer B.
const accountA = randomUUID();
const subAccountA = randomUUID();
const accountB = randomUUID();

type Outcome = 'done' | { code?: string; message?: string };

describe('memberships: granted with consent, changed once (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let platformAdmin: common.Caller;
  let platformAdminId: string;
  let adminA: Awaited<ReturnType<typeof personIn>>;
  let adminB: Awaited<ReturnType<typeof personIn>>;
  let driverA: Awaited<ReturnType<typeof personIn>>;
  let keyA: common.Caller;

  const grant = (caller: common.Caller, userId: string, accountId: string, role: string) =>
    app.call(methods.grantMembership, {
      caller,
      userId,
      membership: { accountIds: [accountId], roles: [role] },
    });
  /** What an attempt came to: done, or the code and message of its error. */
  const outcomeOf = (attempt: Promise<unknown>): Promise<Outcome> =>
    attempt.then(
      () => 'done' as const,
      (error: { code?: string; message?: string }) => ({
        code: error.code,
        message: error.message,
      }),
    );

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app();
    platformAdmin = await adminCaller(app);
    platformAdminId = platformAdmin.userId;
    for (const [id, ancestorIds] of [
      [accountA, []],
      [subAccountA, [accountA]],
      [accountB, []],
    ] as const) {
      const messageId = await app.publish(accounts.AccountCreatedSchema, {
        account: { id, ancestorIds: [...ancestorIds] },
      });
      await eventually(`lineage of ${id}`, () =>
        app.handled('account-lineages-created', messageId),
      );
    }
    adminA = await personIn(app, platformAdmin, accountA, 'account_admin', 'admin-a');
    adminB = await personIn(app, platformAdmin, accountB, 'account_admin', 'admin-b');
    driverA = await personIn(app, platformAdmin, accountA, 'driver', 'driver-a');
    const { secret } = await app.call(methods.createApiKey, {
      caller: adminA.caller,
      accountId: accountA,
      name: 'partner sync',
      permissions: ['users.read', 'memberships.manage', 'sessions.read_own'],
    });
    const { caller } = await app.call(methods.authenticate, {
      credential: { case: 'apiKey', value: secret },
    });
    keyA = caller!;
  }, 120_000);

  afterAll(() => bed?.stop());

  it("answers for another customer's admin and the platform admin exactly as for a random id", async () => {
    for (const caller of [adminA.caller, keyA]) {
      const unknown = await outcomeOf(grant(caller, randomUUID(), accountA, 'driver'));
      expect(unknown).toEqual({ code: 'not_found', message: 'no such user' });
      for (const target of [adminB.userId, platformAdminId]) {
        expect(await outcomeOf(grant(caller, target, accountA, 'driver'))).toEqual(unknown);
        await expect(app.call(methods.getUser, { caller, userId: target })).rejects.toMatchObject({
          code: 'not_found',
        });
      }
    }
    expect(await app.database.membership.count({ where: { userId: adminB.userId } })).toBe(1);
    expect(await app.database.membership.count({ where: { userId: platformAdminId } })).toBe(1);
  });

  it('lets a granter add roles, also on a sub-account, to users already in their accounts', async () => {
    const { membership } = await grant(adminA.caller, driverA.userId, subAccountA, 'billing_admin');
    expect(membership).toMatchObject({
      userId: driverA.userId,
      accountIds: [subAccountA],
      roles: ['billing_admin'],
    });
    const { membership: byKey } = await grant(keyA, driverA.userId, accountA, 'no_role');
    expect(byKey).toMatchObject({ userId: driverA.userId, roles: ['no_role'] });
  });

  it('revokes a membership once: concurrent revokes and updates of it find it gone', async () => {
    const outcomes = async (attempts: Promise<unknown>[]) =>
      (await Promise.all(attempts.map((attempt) => outcomeOf(attempt)))).map((outcome) =>
        outcome === 'done' ? outcome : outcome.code,
      );
    const revoke = (membershipId: string) =>
      app.call(methods.revokeMembership, { caller: adminA.caller, membershipId });
    const update = (membershipId: string) =>
      app.call(methods.updateMembership, {
        caller: adminA.caller,
        membershipId,
        membership: { accountIds: [accountA], roles: ['billing_admin'] },
      });

    const first = (await grant(adminA.caller, driverA.userId, accountA, 'no_role')).membership!;
    expect((await outcomes([0, 1, 2, 3, 4, 5].map(() => revoke(first.id)))).sort()).toEqual([
      'done',
      'not_found',
      'not_found',
      'not_found',
      'not_found',
      'not_found',
    ]);
    const second = (await grant(adminA.caller, driverA.userId, accountA, 'no_role')).membership!;
    const [revoked, ...updated] = await outcomes([
      revoke(second.id),
      update(second.id),
      update(second.id),
      update(second.id),
    ]);
    expect(revoked).toBe('done');
    for (const outcome of updated) expect(['done', 'not_found']).toContain(outcome);
    expect(await app.database.membership.findUnique({ where: { id: second.id } })).toBeNull();
  });

  it('lets the platform admin grant to any user', async () => {
    const { membership } = await grant(platformAdmin, adminB.userId, accountA, 'driver');
    expect(membership).toMatchObject({ userId: adminB.userId, accountIds: [accountA] });
  });
});
