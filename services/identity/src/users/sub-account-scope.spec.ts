import { randomUUID } from 'node:crypto';
import { accounts, identity, type common } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;

// Two trees: parent > sub > grandchild, and sibling > siblingSub.
const parent = randomUUID();
const sub = randomUUID();
const grandchild = randomUUID();
const sibling = randomUUID();
const siblingSub = randomUUID();

describe('a grant on an account covers the accounts below it (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let admin: common.Caller;
  let parentAdmin: Awaited<ReturnType<typeof personIn>>;
  let subUser: Awaited<ReturnType<typeof personIn>>;
  let grandchildUser: Awaited<ReturnType<typeof personIn>>;
  let siblingUser: Awaited<ReturnType<typeof personIn>>;

  const created = (id: string, ancestorIds: string[]) =>
    applied('account-lineages-created', () =>
      app.publish(accounts.AccountCreatedSchema, { account: { id, ancestorIds } }),
    );
  // An import's creations, several to a message.
  const imported = (...created: [id: string, ancestorIds: string[]][]) =>
    applied('account-lineages-imported', () =>
      app.publish(accounts.AccountsImportedSchema, {
        accounts: created.map(([id, ancestorIds]) => ({ account: { id, ancestorIds } })),
      }),
    );
  const moved = (accountId: string, toParentId: string) =>
    applied('account-lineages-moved', () =>
      app.publish(accounts.AccountMovedSchema, { accountId, toParentId }),
    );
  const applied = async (consumer: string, publish: () => Promise<string>) => {
    const messageId = await publish();
    await eventually(`${consumer} handled ${messageId}`, () => app.handled(consumer, messageId));
  };

  const visibleTo = async (caller: common.Caller, accountId?: string) => {
    const { users } = await app.call(methods.listUsers, { caller, accountId, limit: 200 });
    return users.map((user) => user.id);
  };
  const sees = (caller: common.Caller, userId: string) =>
    app.call(methods.getUser, { caller, userId }).then(
      () => true,
      (error: { code?: string }) => {
        if (error.code === 'not_found') return false;
        throw error;
      },
    );

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app();
    admin = await adminCaller(app);
    await created(parent, []);
    await imported([sub, [parent]], [grandchild, [parent, sub]]);
    await created(sibling, []);
    await created(siblingSub, [sibling]);
    parentAdmin = await personIn(app, admin, parent, 'account_admin', 'parent-admin');
    subUser = await personIn(app, admin, sub, 'driver', 'sub-driver');
    grandchildUser = await personIn(app, admin, grandchild, 'driver', 'grandchild-driver');
    siblingUser = await personIn(app, admin, siblingSub, 'driver', 'sibling-driver');
  }, 120_000);

  afterAll(() => bed?.stop());

  it("lists and reads the sub-accounts' users, not another tree's", async () => {
    const listed = await visibleTo(parentAdmin.caller);
    expect(listed).toEqual(expect.arrayContaining([subUser.userId, grandchildUser.userId]));
    expect(listed).not.toContain(siblingUser.userId);
    expect(await sees(parentAdmin.caller, grandchildUser.userId)).toBe(true);
    expect(await sees(parentAdmin.caller, siblingUser.userId)).toBe(false);
    // The sub-account's own users do not see upwards.
    expect(await visibleTo(subUser.caller)).toEqual([subUser.userId]);
  });

  it('lets the parent admin manage users and grant memberships below the parent', async () => {
    const newcomer = await personIn(app, admin, sub, 'driver', 'newcomer');
    await expect(
      app.call(methods.grantMembership, {
        caller: parentAdmin.caller,
        userId: newcomer.userId,
        membership: { accountIds: [grandchild], roles: ['driver'] },
      }),
    ).resolves.toBeDefined();
    await expect(
      app.call(methods.grantMembership, {
        caller: parentAdmin.caller,
        userId: newcomer.userId,
        membership: { accountIds: [siblingSub], roles: ['driver'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { user } = await app.call(methods.createUser, {
      caller: parentAdmin.caller,
      email: `sub-${randomUUID().slice(0, 8)}@example.com`,
      name: 'Created Below',
      memberships: [{ accountIds: [sub], roles: ['driver'] }],
    });
    const { user: deactivated } = await app.call(methods.deactivateUser, {
      caller: parentAdmin.caller,
      userId: user!.id,
    });
    expect(deactivated?.status).toBe('deactivated');
  });

  it('filters users by an account together with every account below it, within the caller scope', async () => {
    const inParent = await visibleTo(parentAdmin.caller, parent);
    expect(inParent).toEqual(
      expect.arrayContaining([parentAdmin.userId, subUser.userId, grandchildUser.userId]),
    );
    expect(inParent).not.toContain(siblingUser.userId);
    const inSub = await visibleTo(parentAdmin.caller, sub);
    expect(inSub).toEqual(expect.arrayContaining([subUser.userId, grandchildUser.userId]));
    expect(inSub).not.toContain(parentAdmin.userId);
    expect(await visibleTo(parentAdmin.caller, grandchild)).not.toContain(subUser.userId);
    // Naming another tree's account shows none of its users; the platform admin sees them.
    expect(await visibleTo(parentAdmin.caller, sibling)).not.toContain(siblingUser.userId);
    expect(await visibleTo(admin, sibling)).toContain(siblingUser.userId);
  });

  it("creates, lists and revokes the sub-accounts' API keys, within what it holds, not another tree's", async () => {
    const createKey = (caller: common.Caller, accountId: string, permissions = ['users.read']) =>
      app
        .call(methods.createApiKey, { caller, accountId, name: 'partner', permissions })
        .then(({ apiKey }) => apiKey!);
    const listed = async (caller: common.Caller, accountId?: string) => {
      const { apiKeys } = await app.call(methods.listApiKeys, { caller, accountId });
      return apiKeys.map((key) => key.id);
    };

    const grandchildKey = await createKey(parentAdmin.caller, grandchild);
    expect(grandchildKey.accountId).toBe(grandchild);
    // An account admin does not hold users.delete, here or above: no key of theirs may either.
    await expect(createKey(parentAdmin.caller, grandchild, ['users.delete'])).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(createKey(parentAdmin.caller, siblingSub)).rejects.toMatchObject({
      code: 'forbidden',
    });

    const subKey = await createKey(admin, sub);
    const siblingKey = await createKey(admin, siblingSub);
    const all = await listed(parentAdmin.caller);
    expect(all).toEqual(expect.arrayContaining([grandchildKey.id, subKey.id]));
    expect(all).not.toContain(siblingKey.id);
    expect(await listed(parentAdmin.caller, sub)).toEqual([subKey.id]);
    expect(await listed(parentAdmin.caller, siblingSub)).toEqual([]);

    await expect(
      app.call(methods.revokeApiKey, { caller: parentAdmin.caller, apiKeyId: siblingKey.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await app.call(methods.revokeApiKey, { caller: parentAdmin.caller, apiKeyId: subKey.id });
    const { apiKeys } = await app.call(methods.listApiKeys, { caller: admin });
    const revoked = (id: string) => apiKeys.find((key) => key.id === id)?.revokedAt !== undefined;
    expect(revoked(subKey.id)).toBe(true);
    expect(revoked(siblingKey.id)).toBe(false);
  });

  it('follows a move: the moved subtree leaves the old parent, and a stale creation changes nothing', async () => {
    await moved(sub, sibling);
    expect(await sees(parentAdmin.caller, subUser.userId)).toBe(false);
    expect(await sees(parentAdmin.caller, grandchildUser.userId)).toBe(false);
    expect(await visibleTo(parentAdmin.caller)).not.toContain(grandchildUser.userId);

    // The creation event sent again (it still names the old parent) does not undo the move.
    await imported([sub, [parent]], [grandchild, [parent, sub]]);
    expect(await sees(parentAdmin.caller, subUser.userId)).toBe(false);
    expect(await sees(parentAdmin.caller, grandchildUser.userId)).toBe(false);

    await moved(sub, parent);
    expect(await sees(parentAdmin.caller, grandchildUser.userId)).toBe(true);
    // The same move again changes nothing either.
    await moved(sub, parent);
    expect(await visibleTo(parentAdmin.caller)).toEqual(
      expect.arrayContaining([subUser.userId, grandchildUser.userId]),
    );
  });
});
