import { randomUUID } from 'node:crypto';
import { toBinary } from '@bufbuild/protobuf';
import { identity } from '@onramp/contracts';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;
const account = randomUUID();

describe('API keys (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let owner: Awaited<ReturnType<typeof personIn>>;
  let outsider: Awaited<ReturnType<typeof personIn>>;

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    app = await bed.app();
    const admin = await adminCaller(app);
    owner = await personIn(app, admin, account, 'account_admin', 'owner');
    outsider = await personIn(app, admin, randomUUID(), 'account_admin', 'outsider');
  }, 120_000);

  afterAll(() => bed?.stop());

  const authenticate = (apiKey: string) =>
    app.call(methods.authenticate, { credential: { case: 'apiKey', value: apiKey } });

  it('authenticates to exactly its grant, and stops once revoked', async () => {
    const { apiKey, secret } = await app.call(methods.createApiKey, {
      caller: owner.caller,
      accountId: account,
      name: 'ERP sync',
      permissions: ['users.read', 'drivers.read'],
    });
    expect(secret).toMatch(/^onr_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey!.prefix)).toBe(true);

    const { caller } = await authenticate(secret);
    expect(caller).toMatchObject({ userId: owner.userId, apiKeyId: apiKey!.id, sessionId: '' });
    expect(caller!.grants).toEqual([
      expect.objectContaining({
        platform: false,
        accountIds: [account],
        roles: [],
        permissions: ['drivers.read', 'users.read'],
      }),
    ]);
    // One character of the secret changed (never the last: in base64url part of it is padding).
    const at = secret.length - 5;
    const tampered = `${secret.slice(0, at)}${secret[at] === 'A' ? 'B' : 'A'}${secret.slice(at + 1)}`;
    await expect(authenticate(tampered)).rejects.toMatchObject({
      code: 'unauthenticated',
    });

    const listed = await app.call(methods.listApiKeys, { caller: owner.caller });
    expect(listed.apiKeys.map((key) => key.id)).toEqual([apiKey!.id]);
    const reply = Buffer.from(toBinary(identity.ListApiKeysResponseSchema, listed));
    expect(reply.includes(secret.slice(-43))).toBe(false);
    expect((await app.call(methods.listApiKeys, { caller: outsider.caller })).apiKeys).toEqual([]);

    await expect(
      app.call(methods.revokeApiKey, { caller: outsider.caller, apiKeyId: apiKey!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await app.call(methods.revokeApiKey, { caller: owner.caller, apiKeyId: apiKey!.id });
    await expect(authenticate(secret)).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: 'the credentials are invalid or have expired',
    });
    expect(await app.events(identity.ApiKeyRevokedSchema)).toHaveLength(1);
  });

  it('acts as itself, not as its creator: no "yourself" rights over the creator', async () => {
    const { secret } = await app.call(methods.createApiKey, {
      caller: owner.caller,
      accountId: account,
      name: 'reads keys only',
      permissions: ['api_keys.read'],
    });
    const { caller } = await authenticate(secret);
    await expect(app.call(methods.getUser, { caller, userId: owner.userId })).rejects.toMatchObject(
      { code: 'not_found' },
    );
    expect((await app.call(methods.listUsers, { caller })).users).toEqual([]);
    await expect(
      app.call(methods.requestSecurityReport, { caller, userId: owner.userId }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never carries more than its creator holds in the account', async () => {
    const create = (permissions: string[], accountId = account) =>
      app.call(methods.createApiKey, { caller: owner.caller, accountId, name: 'k', permissions });
    await expect(create(['users.delete'])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(create(['users.read'], randomUUID())).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(create(['settings.manage'])).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('outlives its creator, who is erased', async () => {
    const { secret } = await app.call(methods.createApiKey, {
      caller: owner.caller,
      accountId: account,
      name: 'kept',
      permissions: ['users.read'],
    });
    await app.call(methods.deleteUser, { caller: await adminCaller(app), userId: owner.userId });
    const { caller } = await authenticate(secret);
    expect(caller).toMatchObject({
      userId: '',
      grants: [expect.objectContaining({ accountIds: [account] })],
    });
  });
});
