/**
 * Rows imported per second through the gateway, end to end until the job is completed: a
 * generated accounts CSV (1,000,000 rows) and a users CSV of migrated users (100,000 rows, no
 * emails); beside them, in the same run on the same Postgres, a raw COPY of the same accounts
 * file into a table of the same columns (before and after the import). Prints the ratio to COPY
 * and the peak resident memory (VmHWM) of the gateway and import processes.
 * Run: npm run bench:import -w e2e   (BENCH_ACCOUNT_ROWS, BENCH_USER_ROWS; loopback only)
 * BENCH_CPU_PROFILE_DIR=<folder> writes a V8 CPU profile and the log of every service process there;
 * BENCH_NODE_OPTIONS are given to every service process (e.g. --max-old-space-size=128).
 */
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
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

async function writeLogs(stack: Stack, folder: string): Promise<void> {
  for (const service of ALL_SERVICES)
    await writeFile(
      path.join(folder, `${service}.log`),
      stack.process(service).output().join('\n'),
    );
}

async function copyRowsPerSecond(stack: Stack, file: string): Promise<number> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_copy_accounts');
    await client.query(
      `CREATE TABLE bench_copy_accounts (external_id text, name text, type text,
         contact_name text, contact_email text, language text)`,
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom('COPY bench_copy_accounts FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    return accountRows / ((performance.now() - started) / 1000);
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_copy_accounts');
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
  const nodeOptions = [
    process.env['BENCH_NODE_OPTIONS'] ?? '',
    profileDir === undefined ? '' : `--cpu-prof --cpu-prof-dir=${profileDir}`,
  ].join(' ');
  const profiled: Record<string, string> =
    nodeOptions.trim() === '' ? {} : { NODE_OPTIONS: nodeOptions.trim() };
  const stack = await Stack.start(undefined, {
    gateway: { IMPORT_MAX_BYTES: String(4 * 1024 * 1024 * 1024), ...profiled },
    import: profiled,
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

    const copy = (copyBefore + copyAfter) / 2;
    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
    console.table([
      {
        path: `raw COPY of ${accountRows} account rows`,
        'rows/s': Math.round(copyBefore),
        note: 'before the import',
      },
      {
        path: `raw COPY of ${accountRows} account rows`,
        'rows/s': Math.round(copyAfter),
        note: 'after the import',
      },
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
