/**
 * Rows imported per second through the gateway, end to end until the job is completed: a
 * generated accounts CSV (1,000,000 rows) and a users CSV of migrated users (100,000 rows, no
 * emails); beside them, in the same run on the same Postgres, a raw COPY of the same accounts
 * file into a table of the same columns (before and after the import). Prints the ratio to COPY
 * and the peak resident memory (VmHWM) of the gateway and import processes.
 * Run: npm run bench:import -w e2e   (BENCH_ACCOUNT_ROWS, BENCH_USER_ROWS; loopback only)
 * BENCH_CPU_PROFILE_DIR=<folder> writes a V8 CPU profile and the log of every service process there;
 * The import process runs with the Node.js options its chart sets (charts/import/values.yaml);
 * BENCH_NODE_OPTIONS are added to every service process's.
 */
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { parse } from 'yaml';
import { from as copyFrom } from 'pg-copy-streams';
import { Api } from '../src/api';
import { waitForJob, type ImportJob } from '../src/imports';
import { ALL_SERVICES, Stack } from '../src/stack';
import { runBenchmark } from './measure';

const accountRows = Number(process.env['BENCH_ACCOUNT_ROWS'] ?? 1_000_000);
const userRows = Number(process.env['BENCH_USER_ROWS'] ?? 100_000);
const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
const ACCOUNT_HEADER = ['externalId', 'name', 'type', 'contact.name', 'contact.email', 'language'];

/** Writes `rows` lines made by `line` after `header`, respecting the stream's backpressure. */
async function writeCsv(
  file: string,
  header: string[],
  rows: number,
  line: (index: number) => string,
): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header.join(',')}\n`);
  for (let index = 0; index < rows; index += 1) {
    if (!out.write(`${line(index)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Peak resident memory of a process in MB, as the kernel counts it. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kilobytes / 1024);
}

/** A service's Node.js options as its chart ships them: the benchmark runs that configuration. */
async function chartNodeOptions(service: string): Promise<string> {
  const values = parse(
    await readFile(path.join(__dirname, '..', '..', 'charts', service, 'values.yaml'), 'utf8'),
  ) as { env?: Record<string, string> };
  return values.env?.['NODE_OPTIONS'] ?? '';
}

async function writeLogs(stack: Stack, folder: string): Promise<void> {
  for (const service of ALL_SERVICES)
    await writeFile(
      path.join(folder, `${service}.log`),
      stack.process(service).output().join('\n'),
    );
}

/**
 * Rows per second of a raw COPY of the file into a table of its columns, and of those rows
 * written into a table like the accounts service's (its columns, constraints and eight indexes,
 * two of them GIN): what Postgres alone needs to store Onramp's data model, a ceiling for any
 * import of it.
 */
async function copyRowsPerSecond(
  stack: Stack,
  file: string,
): Promise<{ copy: number; intoAccounts: number }> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const dropTables = () =>
    client.query('DROP TABLE IF EXISTS bench_copy_accounts, bench_like_accounts');
  try {
    await dropTables();
    await client.query(
      `CREATE TABLE bench_copy_accounts (external_id text, name text, type text,
         contact_name text, contact_email text, language text)`,
    );
    await client.query(
      'CREATE TABLE bench_like_accounts (LIKE "accounts"."accounts" INCLUDING ALL)',
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('COPY bench_copy_accounts FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const copied = performance.now();
    await client.query(
      `INSERT INTO bench_like_accounts (id, parent_key, path, depth, name, name_key, type,
         contact_name, contact_email, external_id, language, feature_flags, licence, status,
         updated_at)
       SELECT id, '00000000-0000-0000-0000-000000000000', ARRAY[id], 0, name,
              lower(trim(name)), type, contact_name, contact_email, external_id, language,
              '{}', 'basic', 'active', now()
         FROM (SELECT gen_random_uuid() AS id, * FROM bench_copy_accounts) AS copied`,
    );
    const inserted = performance.now();
    return {
      copy: accountRows / ((copied - started) / 1000),
      intoAccounts: accountRows / ((inserted - started) / 1000),
    };
  } finally {
    await dropTables();
    await client.end();
  }
}

async function importRowsPerSecond(
  admin: Api,
  file: string,
  kind: 'accounts' | 'users',
  rows: number,
): Promise<number> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', await openAsBlob(file), path.basename(file));
  const started = performance.now();
  const answer = await admin.raw('POST', '/v1/imports', form);
  if (answer.status !== 202) throw new Error(`upload answered ${answer.status}: ${answer.text}`);
  const { id } = JSON.parse(answer.text) as ImportJob;
  const job = await waitForJob(admin, id, ['completed', 'failed', 'cancelled'], 3_600_000);
  if (job.status !== 'completed' || job.counts.created !== rows) {
    throw new Error(
      `import ${id} ended ${job.status} (${job.failure ?? ''}): ${JSON.stringify(job.counts)}`,
    );
  }
  return rows / ((performance.now() - started) / 1000);
}

runBenchmark(async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'onramp-bench-import-'));
  const withOptions = (...options: string[]): Record<string, string> => {
    const joined = [
      ...options,
      process.env['BENCH_NODE_OPTIONS'] ?? '',
      profileDir === undefined ? '' : `--cpu-prof --cpu-prof-dir=${profileDir}`,
    ]
      .join(' ')
      .trim();
    return joined === '' ? {} : { NODE_OPTIONS: joined };
  };
  const profiled = withOptions();
  const stack = await Stack.start(undefined, {
    gateway: { IMPORT_MAX_BYTES: String(4 * 1024 * 1024 * 1024), ...profiled },
    import: withOptions(await chartNodeOptions('import')),
    accounts: profiled,
    identity: profiled,
    invitations: profiled,
    notifications: profiled,
  });
  try {
    const accountsFile = path.join(folder, 'accounts.csv');
    await writeCsv(accountsFile, ACCOUNT_HEADER, accountRows, (index) =>
      [
        `B-${index}`,
        `Bench Account ${index}`,
        'consumer',
        `Contact ${index}`,
        `c${index}@bench.test`,
        'nl',
      ].join(','),
    );
    const admin = (await Api.of(stack).loginAsAdmin()).api;
    const copyBefore = await copyRowsPerSecond(stack, accountsFile);
    const accounts = await importRowsPerSecond(admin, accountsFile, 'accounts', accountRows);
    const copyAfter = await copyRowsPerSecond(stack, accountsFile);

    const usersFile = path.join(folder, 'users.csv');
    await writeCsv(
      usersFile,
      ['email', 'name', 'migrated', 'accounts', 'roles'],
      userRows,
      (index) =>
        [
          `user${index}@bench.test`,
          `Bench User ${index}`,
          'true',
          `B-${index % accountRows}`,
          'driver',
        ].join(','),
    );
    const users = await importRowsPerSecond(admin, usersFile, 'users', userRows);

    const copy = (copyBefore.copy + copyAfter.copy) / 2;
    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
    console.table([
      ...[copyBefore, copyAfter].flatMap((measured, index) => {
        const note = index === 0 ? 'before the import' : 'after the import';
        return [
          {
            path: `raw COPY of ${accountRows} account rows`,
            'rows/s': Math.round(measured.copy),
            note,
          },
          {
            path: 'COPY, then into a table like accounts (its indexes)',
            'rows/s': Math.round(measured.intoAccounts),
            note: `${note}; ${(measured.intoAccounts / measured.copy).toFixed(3)} of COPY`,
          },
        ];
      }),
      {
        path: `import of ${accountRows} accounts`,
        'rows/s': Math.round(accounts),
        note: `${(accounts / copy).toFixed(3)} of COPY`,
      },
      { path: `import of ${userRows} migrated users`, 'rows/s': Math.round(users), note: '' },
    ]);
    console.log(
      `peak RSS: gateway ${await peakRssMb(stack.process('gateway').pid)} MB, import ${await peakRssMb(stack.process('import').pid)} MB`,
    );
  } finally {
    if (profileDir !== undefined) await writeLogs(stack, profileDir);
    await stack.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
