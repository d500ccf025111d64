import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { schemaDigest } from './bad-input';
import { csvOf, download, importFile, upload, waitForJob, type ImportJob } from './imports';
import { Stack } from './stack';

interface Account {
  id: string;
  parentId: string | null;
  relation: string | null;
  name: string;
  type: string;
  externalId: string | null;
  contact: { name: string; phone: string | null; email: string | null; gender: string } | null;
  language: string;
  featureFlags: string[];
  reimbursementRateEurPerKwh: string | null;
}

const SCHEMAS = ['identity', 'accounts', 'invitations', 'notifications'];

const HEADER = [
  'externalId',
  'parent',
  'relation',
  'name',
  'type',
  'company.legalName',
  'company.vatNumber',
  'billing.line1',
  'billing.postalCode',
  'billing.city',
  'billing.country',
  'contact.name',
  'contact.email',
  'contact.gender',
  'language',
  'featureFlags',
  'reimbursementRate',
];

/** A business account row under HEADER; `overrides` by column name. */
function accountRow(overrides: Record<string, string>): string[] {
  const base: Record<string, string> = {
    externalId: '',
    parent: '',
    relation: '',
    name: '',
    type: 'business',
    'company.legalName': 'Legacy Fleet B.V.',
    'company.vatNumber': 'NL123456789B01',
    'billing.line1': 'Stationsplein 1',
    'billing.postalCode': '1012 AB',
    'billing.city': 'Amsterdam',
    'billing.country': 'NL',
    'contact.name': 'Anna de Vries',
    'contact.email': 'anna@legacy.test',
    'contact.gender': '',
    language: '',
    featureFlags: '',
    reimbursementRate: '',
  };
  return HEADER.map((column) => overrides[column] ?? base[column]);
}

describe('importing accounts from CSV through the gateway', () => {
  let stack: Stack;
  let admin: Api;
  // Every test names its accounts apart, so that none depends on another's data.
  const tag = () => randomUUID().slice(0, 8);

  const accountsNamed = async (name: string): Promise<Account[]> => {
    const page = await admin.get<{ items: Account[] }>(
      `/v1/accounts?q=${encodeURIComponent(name)}&limit=100`,
    );
    expect(page.status).toBe(200);
    return page.body.items.filter((account) => account.name === name);
  };

  /** The one account of that name, with the external id it was imported with. */
  const account = async (name: string, externalId: string): Promise<Account> => {
    const found = await accountsNamed(name);
    expect(found).toHaveLength(1);
    expect(found[0].externalId).toBe(externalId);
    return found[0];
  };

  beforeAll(async () => {
    stack = await Stack.start();
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('stores the previous system’s columns exactly: gender, feature flags, language, parents by legacy id, exact rates', async () => {
    const t = tag();
    const file = csvOf(HEADER, [
      accountRow({
        externalId: `L-${t}-1`,
        name: `Fleet ${t}`,
        'contact.gender': 'female',
        language: 'nl',
        featureFlags: 'reports,api_access',
      }),
      accountRow({
        externalId: `L-${t}-2`,
        parent: `L-${t}-1`,
        relation: 'employee',
        name: `Employee ${t}`,
        type: 'consumer',
        'company.legalName': '',
        'company.vatNumber': '',
        'contact.gender': 'Female',
        language: 'de',
        reimbursementRate: '0.3125',
      }),
      accountRow({
        externalId: `L-${t}-3`,
        name: `Other ${t}`,
        'contact.gender': 'woman',
        language: '',
      }),
    ]);

    const job = await importFile(admin, file, { kind: 'accounts' });

    expect(job).toMatchObject({ status: 'completed', dryRun: false, onConflict: 'skip' });
    expect(job.counts).toEqual({
      total: 3,
      valid: 3,
      invalid: 0,
      created: 3,
      updated: 0,
      skipped: 0,
      failed: 0,
    });
    const parent = await account(`Fleet ${t}`, `L-${t}-1`);
    expect(parent).toMatchObject({
      name: `Fleet ${t}`,
      parentId: null,
      language: 'nl',
      featureFlags: ['api_access', 'reports'],
      contact: { name: 'Anna de Vries', email: 'anna@legacy.test', gender: 'female' },
    });
    // "female" only when exactly "female"; every other value is "male".
    expect(await account(`Employee ${t}`, `L-${t}-2`)).toMatchObject({
      parentId: parent.id,
      relation: 'employee',
      type: 'consumer',
      language: 'de',
      reimbursementRateEurPerKwh: '0.3125',
      contact: { gender: 'male' },
    });
    expect(await account(`Other ${t}`, `L-${t}-3`)).toMatchObject({
      language: 'en',
      contact: { gender: 'male' },
    });
  });

  it('reports every row in a dry run without changing any schema, then applies it without uploading again', async () => {
    const t = tag();
    await importFile(
      admin,
      csvOf(HEADER, [accountRow({ externalId: `D-${t}-0`, name: `Existing ${t}` })]),
      { kind: 'accounts' },
    );
    const file = csvOf(HEADER, [
      accountRow({ externalId: `D-${t}-0`, name: `Existing ${t}` }),
      accountRow({ externalId: `D-${t}-1`, name: `New ${t}` }),
      accountRow({ externalId: `D-${t}-2`, name: `Broken ${t}`, type: 'spaceship' }),
    ]);
    const before = await Promise.all(SCHEMAS.map((schema) => schemaDigest(stack, schema)));

    const dryRun = await importFile(admin, file, { kind: 'accounts', dryRun: true });

    expect(dryRun.status).toBe('ready');
    expect(dryRun.counts).toEqual({
      total: 3,
      valid: 2,
      invalid: 1,
      created: 1,
      updated: 0,
      skipped: 1,
      failed: 0,
    });
    expect(await Promise.all(SCHEMAS.map((schema) => schemaDigest(stack, schema)))).toEqual(before);
    expect(await accountsNamed(`New ${t}`)).toEqual([]);
    const report = await download(admin, `/v1/imports/${dryRun.id}/errors`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = report.text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Broken ${t}`);
    expect(lines[1]).toContain('spaceship');
    expect(lines[1]).toMatch(/,4,type,/);
    const preview = await admin.get<{
      headers: string[];
      items: { line: number; outcome: string; cells: string[]; violations: unknown[] }[];
      nextCursor: string | null;
    }>(`/v1/imports/${dryRun.id}/rows?limit=2`);
    expect(preview.status).toBe(200);
    expect(preview.body.headers).toEqual(HEADER);
    expect(preview.body.items.map(({ line, outcome }) => [line, outcome])).toEqual([
      [2, 'skipped'],
      [3, 'created'],
    ]);
    expect(preview.body.items[1].cells[HEADER.indexOf('name')]).toBe(`New ${t}`);
    const invalid = await admin.get<{ items: { line: number; violations: unknown[] }[] }>(
      `/v1/imports/${dryRun.id}/rows?outcome=invalid`,
    );
    expect(invalid.body.items).toEqual([
      {
        line: 4,
        outcome: 'invalid',
        cells: expect.any(Array),
        violations: [{ field: 'type', message: expect.any(String) }],
      },
    ]);
    const rest = await admin.get<{ items: { line: number }[]; nextCursor: string | null }>(
      `/v1/imports/${dryRun.id}/rows?limit=2&cursor=${preview.body.nextCursor}`,
    );
    expect(rest.body).toMatchObject({ items: [{ line: 4 }], nextCursor: null });
    const forged = Buffer.from(JSON.stringify(['four'])).toString('base64url');
    const refused = await admin.get(`/v1/imports/${dryRun.id}/rows?cursor=${forged}`);
    expect(refused.status).toBe(400);

    const applied = await admin.post<ImportJob>(`/v1/imports/${dryRun.id}/apply`);
    expect(applied.status).toBe(200);
    const done = await waitForJob(admin, dryRun.id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.counts).toMatchObject({ created: 1, skipped: 1, invalid: 1, failed: 0 });
    expect(await accountsNamed(`New ${t}`)).toHaveLength(1);
    expect(await accountsNamed(`Existing ${t}`)).toHaveLength(1);
    expect((await admin.post(`/v1/imports/${dryRun.id}/apply`)).status).toBe(409);
  });

  it('imports the same file twice without a duplicate; update changes only what differs; fail applies nothing', async () => {
    const t = tag();
    const rows = [
      accountRow({ externalId: `R-${t}-1`, name: `Repeat ${t}` }),
      accountRow({ externalId: `R-${t}-2`, name: `Repeat Two ${t}`, language: 'fr' }),
    ];
    const first = await importFile(admin, csvOf(HEADER, rows), { kind: 'accounts' });
    expect(first.counts).toMatchObject({ created: 2, skipped: 0 });

    const again = await importFile(admin, csvOf(HEADER, rows), { kind: 'accounts' });
    expect(again.counts).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(await accountsNamed(`Repeat ${t}`)).toHaveLength(1);

    const changed = [rows[0], accountRow({ externalId: `R-${t}-2`, name: `Repeat Two ${t}` })];
    const updated = await importFile(admin, csvOf(HEADER, changed), {
      kind: 'accounts',
      onConflict: 'update',
    });
    expect(updated.counts).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(await account(`Repeat Two ${t}`, `R-${t}-2`)).toMatchObject({ language: 'en' });

    const before = await schemaDigest(stack, 'accounts');
    const failing = await importFile(
      admin,
      csvOf(HEADER, [...changed, accountRow({ externalId: `R-${t}-3`, name: `Fresh ${t}` })]),
      { kind: 'accounts', onConflict: 'fail' },
    );
    expect(failing.status).toBe('failed');
    expect(failing.failure).toContain('2 rows');
    expect(failing.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await schemaDigest(stack, 'accounts')).toEqual(before);
    expect(await accountsNamed(`Fresh ${t}`)).toEqual([]);
  });

  it('offers a template with every column the import takes, and imports it back', async () => {
    const template = await download(admin, '/v1/imports/templates/accounts.csv');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, example, end] = template.text.split('\n');
    for (const column of HEADER) expect(header.split(',')).toContain(column);
    expect(example.length).toBeGreaterThan(0);
    expect(end).toBe('');
    const job = await importFile(admin, template.text, { kind: 'accounts', dryRun: true });
    expect(job.counts).toMatchObject({ total: 1, valid: 1, invalid: 0 });
  });

  it("exports what it imported in the import's own columns, and that export imports back unchanged", async () => {
    const t = tag();
    await importFile(
      admin,
      csvOf(HEADER, [
        accountRow({ externalId: `E-${t}-1`, name: `=Export ${t}`, featureFlags: 'a,b' }),
        accountRow({
          externalId: `E-${t}-2`,
          parent: `E-${t}-1`,
          relation: 'subsidiary',
          name: `Export Child ${t}`,
          reimbursementRate: '0.1',
        }),
      ]),
      { kind: 'accounts' },
    );
    const exported = await download(admin, '/v1/exports/accounts.csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // OWASP's rule: a cell starting with "=" is neutralised in the export.
    expect(exported.text).toContain(`'=Export ${t}`);
    const templateHeader = (await download(admin, '/v1/imports/templates/accounts.csv')).text.split(
      '\n',
    )[0];
    expect(exported.text.split('\n')[0]).toBe(templateHeader);

    // Which rows an import answered is kept apart (imported_rows); the accounts stay the same.
    const accountsDigest = async () => {
      const { imported_rows: _answered, ...data } = await schemaDigest(stack, 'accounts');
      return data;
    };
    const before = await accountsDigest();
    const reimported = await importFile(admin, exported.text, {
      kind: 'accounts',
      onConflict: 'update',
    });
    expect(reimported.status).toBe('completed');
    expect(reimported.counts.invalid).toBe(0);
    expect(reimported.counts.created).toBe(0);
    expect(reimported.counts.updated).toBe(0);
    expect(reimported.counts.skipped).toBe(reimported.counts.total);
    expect(await accountsDigest()).toEqual(before);
    expect(await account(`=Export ${t}`, `E-${t}-1`)).toMatchObject({ name: `=Export ${t}` });
  });

  it("keeps a customer's admin inside their own accounts: other customers are refused per row, their exports are 404", async () => {
    const t = tag();
    await importFile(
      admin,
      csvOf(HEADER, [
        accountRow({ externalId: `A-${t}`, name: `Customer A ${t}` }),
        accountRow({ externalId: `B-${t}`, name: `Customer B ${t}` }),
      ]),
      { kind: 'accounts' },
    );
    const customerA = await account(`Customer A ${t}`, `A-${t}`);
    const customerB = await account(`Customer B ${t}`, `B-${t}`);
    const adminA = await accountAdminOf(admin, customerA.id, `admin-a-${t}@legacy.test`);

    const job = await importFile(
      adminA,
      csvOf(HEADER, [
        accountRow({
          externalId: `A-${t}-sub`,
          parent: customerA.id,
          relation: 'employee',
          name: `Sub of A ${t}`,
        }),
        accountRow({
          externalId: `B-${t}-sub`,
          parent: customerB.id,
          relation: 'employee',
          name: `Sub of B ${t}`,
        }),
        accountRow({ externalId: `Top-${t}`, name: `Top by A ${t}` }),
      ]),
      { kind: 'accounts' },
    );
    expect(job.status).toBe('completed');
    expect(job.counts).toMatchObject({ total: 3, created: 1 });
    expect(job.counts.invalid + job.counts.failed).toBe(2);
    expect(await accountsNamed(`Sub of B ${t}`)).toEqual([]);
    expect(await accountsNamed(`Top by A ${t}`)).toEqual([]);
    const report = await download(adminA, `/v1/imports/${job.id}/errors`);
    // B's account answers as a random id would: no such account.
    expect(report.text).toContain('no such account');

    expect((await download(adminA, `/v1/exports/users.csv?accountId=${customerB.id}`)).status).toBe(
      404,
    );
    const exported = await download(adminA, '/v1/exports/accounts.csv');
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(`Customer A ${t}`);
    expect(exported.text).not.toContain(`Customer B ${t}`);
    // The platform admin's job is not the customer's to see.
    expect((await adminA.get(`/v1/imports/${job.id}`)).status).toBe(200);
    const adminsJob = await upload(
      admin,
      csvOf(HEADER, [accountRow({ name: `Admin's own ${t}` })]),
      { kind: 'accounts', dryRun: true },
    );
    const adminsJobId = (JSON.parse(adminsJob.text) as ImportJob).id;
    expect((await adminA.get(`/v1/imports/${adminsJobId}`)).status).toBe(404);
  });
});

/** A user holding account_admin in `accountId`, signed in. */
async function accountAdminOf(admin: Api, accountId: string, email: string): Promise<Api> {
  const password = 'Import-Admin-42!';
  const created = await admin.post<{ id: string }>('/v1/users', {
    email,
    name: 'Account Admin',
    password,
    memberships: [{ accountIds: [accountId], roles: ['account_admin'] }],
  });
  expect(created.status).toBe(201);
  return (await admin.login(email, password)).api;
}
