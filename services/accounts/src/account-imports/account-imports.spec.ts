import { randomUUID } from 'node:crypto';
import { fromBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { accounts, common } from '@onramp/contracts';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;
const { CREATED, UPDATED, SKIPPED, INVALID, FAILED } = common.RowOutcome;
const { SKIP, UPDATE, FAIL } = common.ConflictPolicy;
const operator = callerWith(randomUUID(), { platform: true }, [
  'accounts.create',
  'accounts.read',
  'accounts.manage',
]);

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start({ ACCOUNT_PLANS: JSON.stringify({ pro: ['user_groups'] }) });
}, 120_000);
afterAll(() => app.stop());

type Row = MessageInitShape<typeof accounts.ImportedAccountSchema>;

interface Fields {
  parentId?: string;
  relation?: string;
  type?: string;
  plan?: string;
  language?: string;
  contact?: { name: string; gender?: string };
}

function row(
  line: number,
  name: string,
  extra: { externalId?: string; parentExternalId?: string } = {},
  fields: Fields = {},
): Row {
  return { line, account: { name, type: 'consumer', ...fields }, ...extra };
}

async function importRows(
  rows: Row[],
  options: {
    importId?: string;
    onConflict?: common.ConflictPolicy;
    checkOnly?: boolean;
    caller?: ReturnType<typeof callerWith>;
    planned?: string[];
  } = {},
) {
  const { results } = await app.call(methods.importAccounts, {
    caller: options.caller ?? operator,
    importId: options.importId ?? randomUUID(),
    onConflict: options.onConflict ?? SKIP,
    checkOnly: options.checkOnly ?? false,
    rows,
    plannedExternalIds: options.planned ?? [],
  });
  return results.map(({ line, outcome, id, violations }) => ({
    line,
    outcome,
    id,
    violations: violations.map(({ field, message }) => ({ field, message })),
  }));
}

const countAccounts = () => app.database.account.count();

describe('ImportAccounts', () => {
  it('creates rows in order, a parent by an external id an earlier row created, with gender and events', async () => {
    const tag = randomUUID();
    const outboxBefore = await app.database.outboxMessage.count({
      where: { subject: 'accounts.accounts.imported.v1' },
    });
    const results = await importRows([
      row(
        1,
        `Root ${tag}`,
        { externalId: `root-${tag}` },
        { contact: { name: 'Ann', gender: 'female' } },
      ),
      row(
        2,
        'Child',
        { externalId: `child-${tag}`, parentExternalId: `root-${tag}` },
        { relation: 'employee' },
      ),
    ]);
    expect(results.map((result) => result.outcome)).toEqual([CREATED, CREATED]);
    const [root, child] = await Promise.all(
      results.map((result) => app.database.account.findUniqueOrThrow({ where: { id: result.id } })),
    );
    expect(root).toMatchObject({ externalId: `root-${tag}`, contactGender: 'female', depth: 0 });
    expect(child).toMatchObject({ parentId: root.id, externalId: `child-${tag}`, depth: 1 });
    // Both creations travel in one message.
    expect(
      await app.database.outboxMessage.count({
        where: { subject: 'accounts.accounts.imported.v1' },
      }),
    ).toBe(outboxBefore + 1);
    const [message] = await app.database.outboxMessage.findMany({
      where: { subject: 'accounts.accounts.imported.v1' },
      orderBy: { createdAt: 'desc' },
      take: 1,
    });
    const carried = fromBinary(accounts.AccountsImportedSchema, message.payload);
    expect(carried.accounts.map((created) => created.account?.id)).toEqual([root.id, child.id]);
    const { account } = await app.call(methods.getAccount, {
      caller: operator,
      accountId: child.id,
    });
    expect(account).toMatchObject({ externalId: `child-${tag}`, contact: { gender: '' } });
  });

  it('answers a repeated row what it answered and changes nothing', async () => {
    const importId = randomUUID();
    const rows = [row(7, `Repeat ${randomUUID()}`), row(8, '')];
    const first = await importRows(rows, { importId });
    const before = await countAccounts();
    const again = await importRows(rows, { importId, onConflict: FAIL });
    expect(again).toEqual(first);
    expect(first[1]).toEqual({
      line: 8,
      outcome: INVALID,
      id: '',
      violations: [{ field: 'name', message: expect.any(String) }],
    });
    expect(await countAccounts()).toBe(before);
  });

  it('validates each row with the rules of CreateAccount, and one bad row stops no other', async () => {
    const tag = randomUUID();
    const results = await importRows([
      row(1, `Good ${tag}`),
      row(
        2,
        `Bad ${tag}`,
        {},
        { type: 'business', plan: 'gold', contact: { name: 'X', gender: 'other' } },
      ),
      row(3, `Orphan ${tag}`, { parentExternalId: `missing-${tag}` }, { relation: 'employee' }),
    ]);
    expect(results[0].outcome).toBe(CREATED);
    expect(results[1].outcome).toBe(INVALID);
    expect(results[1].violations).toEqual(
      expect.arrayContaining([
        { field: 'contact.gender', message: 'must be one of "female", "male"' },
        { field: 'plan', message: 'must be empty or one of "pro"' },
        { field: 'company.legalName', message: expect.any(String) },
        { field: 'billingAddress.line1', message: 'a business account needs it' },
      ]),
    );
    expect(results[2]).toEqual({
      line: 3,
      outcome: INVALID,
      id: '',
      violations: [{ field: 'parent', message: 'no such account' }],
    });
  });

  it('matches by external id, else by name under the parent; skip, update and fail', async () => {
    const tag = randomUUID();
    const [created] = await importRows([row(1, `Match ${tag}`, { externalId: `m-${tag}` })]);
    const renamed = row(1, `Match renamed ${tag}`, { externalId: `m-${tag}` }, { language: 'nl' });
    expect(await importRows([renamed])).toEqual([
      { line: 1, outcome: SKIPPED, id: created.id, violations: [] },
    ]);
    expect(await importRows([renamed], { onConflict: FAIL })).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [
          { field: 'externalId', message: 'an account with this external id exists already' },
        ],
      },
    ]);
    expect(await importRows([renamed], { onConflict: UPDATE })).toEqual([
      { line: 1, outcome: UPDATED, id: created.id, violations: [] },
    ]);
    expect(
      await app.database.account.findUniqueOrThrow({ where: { id: created.id } }),
    ).toMatchObject({
      name: `Match renamed ${tag}`,
      language: 'nl',
    });
    expect(await importRows([renamed], { onConflict: UPDATE })).toEqual([
      { line: 1, outcome: SKIPPED, id: created.id, violations: [] },
    ]);
    // Without an external id, the same name (in any case) at the same level is the same account.
    const byName = row(1, `MATCH RENAMED ${tag}`, {}, { language: 'nl' });
    expect(await importRows([byName], { onConflict: FAIL })).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [
          { field: 'name', message: 'an account with this name exists already under this parent' },
        ],
      },
    ]);
    const updates = await app.database.outboxMessage.count({
      where: { subject: 'accounts.account.updated.v1' },
    });
    expect(updates).toBeGreaterThan(0);
  });

  it('refuses to move an account under another parent', async () => {
    const tag = randomUUID();
    const [a, b, child] = await importRows([
      row(1, `A ${tag}`, { externalId: `a-${tag}` }),
      row(2, `B ${tag}`, { externalId: `b-${tag}` }),
      row(
        3,
        'Child',
        { externalId: `c-${tag}`, parentExternalId: `a-${tag}` },
        { relation: 'employee' },
      ),
    ]);
    expect([a.outcome, b.outcome, child.outcome]).toEqual([CREATED, CREATED, CREATED]);
    const moved = row(
      1,
      'Child',
      { externalId: `c-${tag}`, parentExternalId: `b-${tag}` },
      { relation: 'employee' },
    );
    expect(await importRows([moved], { onConflict: UPDATE })).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [
          {
            field: 'parent',
            message: "is not the account's parent: an import does not move accounts",
          },
        ],
      },
    ]);
  });

  it('checks rights per row and never reveals a parent the caller may not see', async () => {
    const tag = randomUUID();
    const [mine, theirs] = await importRows([
      row(1, `Mine ${tag}`, { externalId: `mine-${tag}` }),
      row(2, `Theirs ${tag}`, { externalId: `theirs-${tag}` }),
    ]);
    const admin = callerWith(randomUUID(), { accountIds: [mine.id] }, [
      'accounts.read',
      'accounts.manage',
    ]);
    const reader = callerWith(randomUUID(), { accountIds: [mine.id] }, ['accounts.read']);
    const sub = { relation: 'employee' };
    expect(
      await importRows(
        [
          row(1, 'Sub', {}, { ...sub, parentId: mine.id }),
          row(2, 'Sneaky', {}, { ...sub, parentId: theirs.id }),
          row(3, 'Sneaky', { parentExternalId: `theirs-${tag}` }, sub),
          row(4, `Top ${tag}`),
        ],
        { caller: admin },
      ),
    ).toEqual([
      { line: 1, outcome: CREATED, id: expect.any(String), violations: [] },
      {
        line: 2,
        outcome: INVALID,
        id: '',
        violations: [{ field: 'parent', message: 'no such account' }],
      },
      {
        line: 3,
        outcome: INVALID,
        id: '',
        violations: [{ field: 'parent', message: 'no such account' }],
      },
      {
        line: 4,
        outcome: FAILED,
        id: '',
        violations: [{ field: 'parent', message: 'you may not create top-level accounts' }],
      },
    ]);
    expect(
      await importRows([row(1, 'Other', {}, { ...sub, parentId: mine.id })], { caller: reader }),
    ).toEqual([
      {
        line: 1,
        outcome: FAILED,
        id: '',
        violations: [{ field: 'parent', message: 'you need accounts.manage on this account' }],
      },
    ]);
  });

  it('check_only answers what applying would, with planned parents, changing nothing', async () => {
    const tag = randomUUID();
    const before = await countAccounts();
    const outbox = await app.database.outboxMessage.count();
    const importId = randomUUID();
    const rows = [
      row(
        1,
        `Planned child ${tag}`,
        { parentExternalId: `later-${tag}` },
        { relation: 'employee' },
      ),
      row(2, `New ${tag}`, { externalId: `new-${tag}` }),
      row(3, 'Under new', { parentExternalId: `new-${tag}` }, { relation: 'subsidiary' }),
    ];
    const answers = await importRows(rows, {
      importId,
      checkOnly: true,
      planned: [`later-${tag}`],
    });
    expect(answers).toEqual([
      { line: 1, outcome: CREATED, id: '', violations: [] },
      { line: 2, outcome: CREATED, id: '', violations: [] },
      { line: 3, outcome: CREATED, id: '', violations: [] },
    ]);
    expect(await countAccounts()).toBe(before);
    expect(await app.database.outboxMessage.count()).toBe(outbox);
    expect(await app.database.importedRow.count({ where: { importId } })).toBe(0);
    // Not recorded: the same import applies afterwards.
    expect((await importRows(rows.slice(1), { importId })).map((result) => result.outcome)).toEqual(
      [CREATED, CREATED],
    );
  });
});

describe('ImportAccounts chunks', () => {
  it('takes 1,000 rows in one call, parents and sub-accounts alike, and refuses more', async () => {
    const tag = randomUUID();
    const rows = Array.from({ length: 1000 }, (_, index) =>
      index % 10 === 0
        ? row(index + 1, `Bulk ${tag} ${index}`, { externalId: `bulk-${tag}-${index}` })
        : row(
            index + 1,
            `Sub ${index}`,
            { parentExternalId: `bulk-${tag}-${index - (index % 10)}` },
            { relation: 'employee' },
          ),
    );
    const results = await importRows(rows);
    expect(results.filter((result) => result.outcome === CREATED)).toHaveLength(1000);
    const again = await importRows(rows);
    expect(again.map((result) => result.id)).toEqual(results.map((result) => result.id));
    expect(new Set(again.map((result) => result.outcome))).toEqual(new Set([SKIPPED]));
    await expect(importRows([...rows, row(1001, 'One too many')])).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('ResolveAccounts and ExportAccounts', () => {
  it('resolves ids and external ids the caller may see', async () => {
    const tag = randomUUID();
    const [mine, theirs] = await importRows([
      row(1, `R mine ${tag}`, { externalId: `rm-${tag}` }),
      row(2, `R theirs ${tag}`, { externalId: `rt-${tag}` }),
    ]);
    const reader = callerWith(randomUUID(), { accountIds: [mine.id] }, ['accounts.read']);
    const { accounts: resolved } = await app.call(methods.resolveAccounts, {
      caller: reader,
      references: [`rm-${tag}`, mine.id.toUpperCase(), theirs.id, `rt-${tag}`, 'nothing'],
    });
    expect(resolved.map(({ reference, accountId }) => ({ reference, accountId }))).toEqual([
      { reference: `rm-${tag}`, accountId: mine.id },
      { reference: mine.id.toUpperCase(), accountId: mine.id },
    ]);
  });

  it('pages parents before sub-accounts with the parent external id, only what the caller reads', async () => {
    const tag = randomUUID();
    const [root, , child] = await importRows([
      row(1, `E root ${tag}`, { externalId: `er-${tag}` }),
      row(2, `E other ${tag}`),
      row(
        3,
        'E child',
        { externalId: `ec-${tag}`, parentExternalId: `er-${tag}` },
        { relation: 'employee' },
      ),
      row(4, 'E grandchild', { parentExternalId: `ec-${tag}` }, { relation: 'employee' }),
    ]);
    const reader = callerWith(randomUUID(), { accountIds: [root.id] }, ['accounts.read']);
    const seen: accounts.Account[] = [];
    let cursor: string | undefined;
    do {
      const answer = await app.call(methods.exportAccounts, { caller: reader, cursor, limit: 1 });
      seen.push(...answer.accounts);
      cursor = answer.nextCursor;
    } while (cursor !== undefined);
    expect(seen.map((account) => [account.name, account.parentExternalId])).toEqual([
      [`E root ${tag}`, ''],
      ['E child', `er-${tag}`],
      ['E grandchild', `ec-${tag}`],
    ]);
    expect(seen[1].id).toBe(child.id);
  });
});
