import { randomUUID } from 'node:crypto';
import { Algorithm, hash as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { common, identity } from '@onramp/contracts';
import { IdentityTestBed, type IdentityApp } from '../testing/identity-app';
import { adminCaller, personIn } from '../testing/people';

const methods = identity.IdentityService.method;
const { RowOutcome, ConflictPolicy } = common;
const accountA = randomUUID();
const accountA2 = randomUUID();
const accountB = randomUUID();
const ONRAMP_HASH_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';
const LEGACY_PASSWORD = 'Legacy-Passw0rd!';

interface Row {
  line: number;
  email: string;
  name?: string;
  language?: string;
  gender?: string;
  externalId?: string;
  migrated?: boolean;
  passwordHash?: string;
  membership?: { accountIds: string[]; roles: string[] };
}

describe('ImportUsers: chunks of users and memberships, row by row (real Postgres and NATS)', () => {
  let bed: IdentityTestBed;
  let app: IdentityApp;
  let admin: common.Caller;
  let alice: Awaited<ReturnType<typeof personIn>>;
  let bob: Awaited<ReturnType<typeof personIn>>;

  const importUsers = (
    caller: common.Caller,
    importId: string,
    rows: Row[],
    options: { onConflict?: common.ConflictPolicy; checkOnly?: boolean } = {},
  ) =>
    app
      .call(methods.importUsers, {
        caller,
        importId,
        onConflict: options.onConflict ?? ConflictPolicy.SKIP,
        checkOnly: options.checkOnly ?? false,
        rows: rows.map((row) => ({
          name: `User ${row.line}`,
          language: 'en',
          membership: { accountIds: [accountA], roles: ['driver'] },
          ...row,
        })),
      })
      .then(({ results }) =>
        results.map(({ line, outcome, id, violations }) => ({
          line,
          outcome,
          id,
          violations: violations.map(({ field, message }) => ({ field, message })),
        })),
      );
  const userOf = (email: string) =>
    app.database.user.findUnique({
      where: { email },
      include: { memberships: true, credential: true },
    });
  const counts = async () => ({
    users: await app.database.user.count(),
    memberships: await app.database.membership.count(),
    outbox: await app.database.outboxMessage.count(),
    records: await app.database.userImportRow.count(),
  });

  beforeAll(async () => {
    bed = await IdentityTestBed.start();
    // Two concurrent chunks, one written row by row, can take the default 5 s RPC timeout on a
    // busy 2-core machine; the import service retries such a chunk, this test would just fail.
    app = await bed.app({ RPC_TIMEOUT_MS: '30000' });
    admin = await adminCaller(app);
    alice = await personIn(app, admin, accountA, 'account_admin', 'alice');
    bob = await personIn(app, admin, accountB, 'account_admin', 'bob');
  }, 120_000);

  afterAll(() => bed?.stop());

  it('creates a migrated user with a bcrypt hash, who signs in once and then has an argon2id hash', async () => {
    const legacyHash = bcrypt.hashSync(LEGACY_PASSWORD, 10);
    const results = await importUsers(alice.caller, randomUUID(), [
      {
        line: 2,
        email: ' Migrated.Bcrypt@Example.com ',
        gender: 'female',
        externalId: 'legacy-1',
        migrated: true,
        passwordHash: legacyHash,
      },
    ]);
    const stored = await userOf('migrated.bcrypt@example.com');
    expect(results).toEqual([
      { line: 2, outcome: RowOutcome.CREATED, id: stored!.id, violations: [] },
    ]);
    expect(stored).toMatchObject({
      status: 'active',
      gender: 'female',
      externalId: 'legacy-1',
      credential: { passwordHash: legacyHash },
      memberships: [{ accountIds: [accountA], roles: ['driver'], platform: false }],
    });

    await expect(app.login('migrated.bcrypt@example.com', 'Wrong-Passw0rd!')).rejects.toMatchObject(
      { code: 'unauthenticated', message: 'email or password is incorrect' },
    );
    expect((await userOf('migrated.bcrypt@example.com'))!.credential!.passwordHash).toBe(
      legacyHash,
    );
    const tokens = await app.login('migrated.bcrypt@example.com', LEGACY_PASSWORD);
    expect(tokens.accessToken).not.toBe('');
    const rehashed = (await userOf('migrated.bcrypt@example.com'))!.credential!.passwordHash;
    expect(rehashed.startsWith(ONRAMP_HASH_PREFIX)).toBe(true);
    // The new hash holds the same password.
    await expect(app.login('migrated.bcrypt@example.com', LEGACY_PASSWORD)).resolves.toBeDefined();
    await expect(app.login('migrated.bcrypt@example.com', 'Wrong-Passw0rd!')).rejects.toMatchObject(
      { code: 'unauthenticated', message: 'email or password is incorrect' },
    );

    const created = await app.events(identity.UserCreatedSchema);
    expect(created.at(-1)).toMatchObject({ userId: stored!.id, status: 'active' });
    const granted = await app.events(identity.MembershipGrantedSchema);
    expect(granted.at(-1)).toMatchObject({
      byUserId: alice.userId,
      membership: { userId: stored!.id, accountIds: [accountA], roles: ['driver'] },
    });
  });

  it('takes argon2id hashes of other parameters and $2y$ bcrypt, and refuses other formats', async () => {
    const argon2 = await argon2Hash(LEGACY_PASSWORD, {
      algorithm: Algorithm.Argon2id,
      memoryCost: 4096,
      timeCost: 3,
      parallelism: 1,
    });
    const bcrypt2y = bcrypt.hashSync(LEGACY_PASSWORD, 4).replace(/^\$2b\$/, '$2y$');
    const refused =
      'must be a PHC string of bcrypt ($2a$, $2b$ or $2y$, cost 4 to 14) or argon2id ($argon2id$v=19$, m up to 65536 KiB, t up to 10, p up to 8)';
    const results = await importUsers(alice.caller, randomUUID(), [
      { line: 2, email: 'argon@example.com', migrated: true, passwordHash: argon2 },
      { line: 3, email: 'php@example.com', migrated: true, passwordHash: bcrypt2y },
      { line: 4, email: 'md5@example.com', migrated: true, passwordHash: '$1$abc$def' },
      {
        line: 5,
        email: 'costly@example.com',
        migrated: true,
        passwordHash: bcrypt.hashSync('x', 4).replace(/^\$2b\$04/, '$2b$15'),
      },
      { line: 6, email: 'nomigrate@example.com', migrated: false, passwordHash: argon2 },
    ]);
    expect(results.map((result) => result.outcome)).toEqual([
      RowOutcome.CREATED,
      RowOutcome.CREATED,
      RowOutcome.INVALID,
      RowOutcome.INVALID,
      RowOutcome.INVALID,
    ]);
    expect(results.slice(2).map((result) => result.violations)).toEqual([
      [{ field: 'passwordHash', message: refused }],
      [{ field: 'passwordHash', message: refused }],
      [{ field: 'passwordHash', message: 'only a migrated user brings a password hash' }],
    ]);
    expect(await userOf('md5@example.com')).toBeNull();
    for (const email of ['argon@example.com', 'php@example.com']) {
      await app.login(email, LEGACY_PASSWORD);
      expect((await userOf(email))!.credential!.passwordHash.startsWith(ONRAMP_HASH_PREFIX)).toBe(
        true,
      );
    }
  });

  it('creates a user who is not migrated as invited, without a password', async () => {
    const [result] = await importUsers(alice.caller, randomUUID(), [
      { line: 2, email: 'invitee@example.com', migrated: false },
    ]);
    expect(result.outcome).toBe(RowOutcome.CREATED);
    expect(await userOf('invitee@example.com')).toMatchObject({
      id: result.id,
      status: 'invited',
      gender: '',
      externalId: null,
      credential: null,
    });
  });

  it("fails another tenant's user, who gains no membership, and never stops the other rows", async () => {
    const before = await userOf(bob.email);
    const results = await importUsers(alice.caller, randomUUID(), [
      { line: 2, email: bob.email.toUpperCase(), migrated: true },
      { line: 3, email: 'not-an-email', migrated: true },
      { line: 4, email: 'fine@example.com', migrated: true },
      {
        line: 5,
        email: 'elsewhere@example.com',
        membership: { accountIds: [accountB], roles: ['driver'] },
      },
      {
        line: 6,
        email: 'toomuch@example.com',
        membership: { accountIds: [accountA], roles: ['enterprise_admin'] },
      },
      {
        line: 7,
        email: 'typo@example.com',
        gender: 'f',
        language: 'es',
        membership: { accountIds: [accountA], roles: ['nobody'] },
      },
    ]);
    expect(results).toEqual([
      {
        line: 2,
        outcome: RowOutcome.FAILED,
        id: '',
        violations: [
          {
            field: 'email',
            message: 'belongs to a user outside the accounts you manage; invite them instead',
          },
        ],
      },
      {
        line: 3,
        outcome: RowOutcome.INVALID,
        id: '',
        violations: [{ field: 'email', message: 'must be an email address' }],
      },
      { line: 4, outcome: RowOutcome.CREATED, id: expect.any(String), violations: [] },
      {
        line: 5,
        outcome: RowOutcome.FAILED,
        id: '',
        violations: [
          { field: 'membership', message: 'you may not create a user with this membership' },
        ],
      },
      {
        line: 6,
        outcome: RowOutcome.FAILED,
        id: '',
        violations: [
          { field: 'membership', message: 'you may not create a user with this membership' },
        ],
      },
      {
        line: 7,
        outcome: RowOutcome.INVALID,
        id: '',
        violations: [
          { field: 'language', message: 'must be one of en, nl, de, fr' },
          { field: 'gender', message: 'must be one of female, male' },
          { field: 'membership.roles', message: 'unknown role "nobody"' },
        ],
      },
    ]);
    expect(await userOf(bob.email)).toEqual(before);
    expect(await userOf('elsewhere@example.com')).toBeNull();
  });

  it('skips, updates or fails an existing user as the policy says, adding a missing membership', async () => {
    const email = 'existing@example.com';
    const [first] = await importUsers(admin, randomUUID(), [
      { line: 2, email, name: 'Old name', externalId: 'legacy-7' },
    ]);
    const changed = { line: 2, email, name: 'New name', gender: 'male', language: 'nl' };

    expect(await importUsers(admin, randomUUID(), [changed])).toEqual([
      { line: 2, outcome: RowOutcome.SKIPPED, id: first.id, violations: [] },
    ]);
    expect(
      await importUsers(admin, randomUUID(), [changed], { onConflict: ConflictPolicy.FAIL }),
    ).toEqual([
      {
        line: 2,
        outcome: RowOutcome.FAILED,
        id: '',
        violations: [{ field: 'email', message: 'a user with this email already exists' }],
      },
    ]);
    expect(await userOf(email)).toMatchObject({ name: 'Old name', language: 'en', gender: '' });

    // skip still adds the membership of an account the user is not in yet.
    const secondAccount = { membership: { accountIds: [accountA2], roles: ['driver'] } };
    expect(await importUsers(admin, randomUUID(), [{ ...changed, ...secondAccount }])).toEqual([
      { line: 2, outcome: RowOutcome.UPDATED, id: first.id, violations: [] },
    ]);
    expect(await userOf(email)).toMatchObject({
      name: 'Old name',
      memberships: [{ accountIds: [accountA] }, { accountIds: [accountA2] }],
    });

    const updates = (await app.events(identity.UserUpdatedSchema)).length;
    expect(
      await importUsers(admin, randomUUID(), [changed], { onConflict: ConflictPolicy.UPDATE }),
    ).toEqual([{ line: 2, outcome: RowOutcome.UPDATED, id: first.id, violations: [] }]);
    expect(await userOf(email)).toMatchObject({
      name: 'New name',
      language: 'nl',
      gender: 'male',
      externalId: 'legacy-7',
    });
    expect(await app.events(identity.UserUpdatedSchema)).toHaveLength(updates + 1);
    // Matched by external id; nothing differs any more.
    expect(
      await importUsers(
        admin,
        randomUUID(),
        [{ ...changed, email: 'other@example.com', externalId: 'legacy-7' }],
        { onConflict: ConflictPolicy.UPDATE },
      ),
    ).toEqual([{ line: 2, outcome: RowOutcome.SKIPPED, id: first.id, violations: [] }]);
    expect(await userOf('other@example.com')).toBeNull();
  });

  it('applies the rows of one user in order: created on the first account, joined on the next', async () => {
    const rows: Row[] = [
      { line: 2, email: 'twice@example.com', migrated: true },
      {
        line: 3,
        email: 'twice@example.com',
        migrated: true,
        membership: { accountIds: [accountA2], roles: ['driver'] },
      },
    ];
    const foreseen = await importUsers(admin, randomUUID(), rows, { checkOnly: true });
    expect(foreseen.map(({ outcome, id }) => [outcome, id])).toEqual([
      [RowOutcome.CREATED, ''],
      [RowOutcome.UPDATED, ''],
    ]);
    const results = await importUsers(admin, randomUUID(), rows);
    expect(results.map(({ outcome }) => outcome)).toEqual([RowOutcome.CREATED, RowOutcome.UPDATED]);
    expect(results[1].id).toBe(results[0].id);
    expect((await userOf('twice@example.com'))!.memberships).toHaveLength(2);
  });

  it('answers a repeated row with its record and changes nothing; check_only changes nothing', async () => {
    const importId = randomUUID();
    const rows: Row[] = [
      { line: 2, email: 'repeat@example.com', migrated: true },
      { line: 3, email: 'bad' },
    ];
    const before = await counts();
    const foreseen = await importUsers(alice.caller, importId, rows, { checkOnly: true });
    expect(foreseen).toEqual([
      { line: 2, outcome: RowOutcome.CREATED, id: '', violations: [] },
      {
        line: 3,
        outcome: RowOutcome.INVALID,
        id: '',
        violations: [{ field: 'email', message: 'must be an email address' }],
      },
    ]);
    expect(await counts()).toEqual(before);

    const first = await importUsers(alice.caller, importId, rows);
    const afterFirst = await counts();
    expect(afterFirst).toEqual({
      users: before.users + 1,
      memberships: before.memberships + 1,
      outbox: before.outbox + 2,
      records: before.records + 2,
    });
    // The repeat answers what the first did, even with other data on the row or another policy.
    const again = await importUsers(
      alice.caller,
      importId,
      [{ ...rows[0], name: 'Changed' }, rows[1]],
      { onConflict: ConflictPolicy.FAIL },
    );
    expect(again).toEqual(first);
    expect(await counts()).toEqual(afterFirst);
  });

  // The loser writes its chunk row by row: seconds on a busy machine, more than Jest's default 5.
  it('writes a chunk together, and row by row when a concurrent import takes one of its emails', async () => {
    const shared = `raced-${randomUUID()}@import.test`;
    const chunkOf = (prefix: string): Row[] => [
      ...Array.from({ length: 300 }, (_, index) => ({
        line: index + 2,
        email: `${prefix}-${index}@import.test`,
      })),
      { line: 302, email: shared },
    ];
    const prefixes = [`race-a-${randomUUID()}`, `race-b-${randomUUID()}`];
    const [first, second] = await Promise.all(
      prefixes.map((prefix) => importUsers(admin, `race-${prefix}`, chunkOf(prefix))),
    );
    for (const results of [first, second])
      expect(results.slice(0, 300).map(({ outcome }) => outcome)).toEqual(
        Array.from({ length: 300 }, () => RowOutcome.CREATED),
      );
    const sharedOutcomes = [first[300].outcome, second[300].outcome].sort();
    // The loser saw the winner's user (skipped) or lost the race to write it (failed, row by row).
    expect([
      [RowOutcome.CREATED, RowOutcome.SKIPPED].sort(),
      [RowOutcome.CREATED, RowOutcome.FAILED].sort(),
    ]).toContainEqual(sharedOutcomes);
    const user = await userOf(shared);
    expect(user?.memberships.map(({ accountIds }) => accountIds)).toEqual([[accountA]]);
    for (const prefix of prefixes)
      expect(
        await app.database.user.count({ where: { email: { startsWith: `${prefix}-` } } }),
      ).toBe(300);
  }, 60_000);

  it('refuses a chunk of more than 1,000 rows, or without an import id', async () => {
    const rows = Array.from({ length: 1001 }, (_, index) => ({
      line: index + 2,
      email: `bulk${index}@example.com`,
    }));
    await expect(importUsers(admin, randomUUID(), rows)).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'rows', message: 'at most 1000 a call' }],
    });
    await expect(importUsers(admin, ' ', [])).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'importId', message: 'must be 1 to 200 characters' }],
    });
  });
});
