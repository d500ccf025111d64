import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { csvOf, upload, waitForJob, type ImportJob } from './imports';
import { Stack } from './stack';

const ROWS = 50_000;

/** Accounts rows of a file nobody else imports: external ids K-<tag>-<index>. */
function accountRows(tag: string, count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `K-${tag}-${index}`,
    `Killed ${tag} ${index}`,
    'consumer',
  ]);
}

describe('an import survives its service killed mid-apply', () => {
  let stack: Stack;
  let admin: Api;

  beforeAll(async () => {
    stack = await Stack.start(['identity', 'accounts', 'invitations', 'import', 'gateway']);
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('completes after a SIGKILL and a restart, with exact counts and every row stored once', async () => {
    const t = randomUUID().slice(0, 8);
    const answer = await upload(
      admin,
      csvOf(['externalId', 'name', 'type'], accountRows(t, ROWS)),
      {
        kind: 'accounts',
      },
    );
    expect(answer.status).toBe(202);
    const { id } = JSON.parse(answer.text) as ImportJob;

    // Killed once some chunks are applied and others are not.
    const applying = await waitForJob(admin, id, ['applying', 'completed'], 120_000);
    expect(applying.status).toBe('applying');
    const beforeKill = await waitUntilCreated(admin, id, 2_000);
    await stack.process('import').stop('SIGKILL');
    expect(beforeKill.counts.created).toBeLessThan(ROWS);
    await stack.startService('import');

    const done = await waitForJob(admin, id, ['completed', 'failed'], 300_000);
    expect(done.status).toBe('completed');
    expect(done.counts).toEqual({
      total: ROWS,
      valid: ROWS,
      invalid: 0,
      created: ROWS,
      updated: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await storedAccounts(stack, t)).toEqual({ rows: String(ROWS), distinct: String(ROWS) });
  }, 600_000);

  it('waits while accounts is down, then goes on from its checkpoint to exact counts', async () => {
    const t = randomUUID().slice(0, 8);
    const count = 10_000;
    const answer = await upload(
      admin,
      csvOf(['externalId', 'name', 'type'], accountRows(t, count)),
      {
        kind: 'accounts',
      },
    );
    const { id } = JSON.parse(answer.text) as ImportJob;
    await waitForJob(admin, id, ['applying'], 120_000);
    await waitUntilCreated(admin, id, 1_000);
    await stack.process('accounts').stop('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const waiting = (await admin.get<ImportJob>(`/v1/imports/${id}`)).body;
    expect(waiting.status).toBe('applying');
    expect(waiting.counts.created).toBeLessThan(count);
    await stack.startService('accounts');

    const done = await waitForJob(admin, id, ['completed', 'failed'], 300_000);
    expect({
      status: done.status,
      created: done.counts.created,
      failed: done.counts.failed,
    }).toEqual({ status: 'completed', created: count, failed: 0 });
    expect(await storedAccounts(stack, t)).toEqual({
      rows: String(count),
      distinct: String(count),
    });
  }, 600_000);

  it('fails a job whose service stays away longer than IMPORT_RETRY_MINUTES, keeping what it applied', async () => {
    await stack.process('import').stop();
    await stack.startService('import', { IMPORT_RETRY_MINUTES: '1' });
    const t = randomUUID().slice(0, 8);
    const answer = await upload(
      admin,
      csvOf(['externalId', 'name', 'type'], accountRows(t, 5_000)),
      {
        kind: 'accounts',
      },
    );
    const { id } = JSON.parse(answer.text) as ImportJob;
    await waitForJob(admin, id, ['applying'], 120_000);
    const beforeStop = await waitUntilCreated(admin, id, 1_000);
    await stack.process('accounts').stop('SIGKILL');
    try {
      const failed = await waitForJob(admin, id, ['completed', 'failed'], 180_000);
      expect(failed.status).toBe('failed');
      expect(failed.failure).toMatch(
        /^a service stayed unavailable for 1 minutes \(.+\); rows applied so far stay, and uploading the file again applies the rest$/,
      );
      expect(failed.counts.created).toBeGreaterThanOrEqual(beforeStop.counts.created);
    } finally {
      await stack.startService('accounts');
    }
    const stored = await storedAccounts(stack, t);
    expect(Number(stored.rows)).toBeGreaterThanOrEqual(beforeStop.counts.created);
    expect(stored.distinct).toBe(stored.rows);
  }, 600_000);
});

async function storedAccounts(stack: Stack, tag: string) {
  const [stored] = await stack.query<{ rows: string; distinct: string }>(
    `SELECT count(*) AS rows, count(DISTINCT external_id) AS distinct
       FROM accounts.accounts WHERE external_id LIKE $1`,
    [`K-${tag}-%`],
  );
  return stored;
}

async function waitUntilCreated(api: Api, id: string, atLeast: number): Promise<ImportJob> {
  for (;;) {
    const job = (await api.get<ImportJob>(`/v1/imports/${id}`)).body;
    if (job.counts.created >= atLeast) return job;
    if (job.status !== 'applying') throw new Error(`import ${id} is ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
