import { randomUUID } from 'node:crypto';
import { Api } from './api';
import { csvOf, upload, waitForJob, type ImportJob } from './imports';
import { Stack } from './stack';

const ROWS = 50_000;

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
    const rows = Array.from({ length: ROWS }, (_, index) => [
      `K-${t}-${index}`,
      `Killed ${t} ${index}`,
      'consumer',
    ]);
    const answer = await upload(admin, csvOf(['externalId', 'name', 'type'], rows), {
      kind: 'accounts',
    });
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
    const [stored] = await stack.query<{ rows: string; distinct: string }>(
      `SELECT count(*) AS rows, count(DISTINCT external_id) AS distinct
         FROM accounts.accounts WHERE external_id LIKE $1`,
      [`K-${t}-%`],
    );
    expect(stored).toEqual({ rows: String(ROWS), distinct: String(ROWS) });
  }, 600_000);
});

async function waitUntilCreated(api: Api, id: string, atLeast: number): Promise<ImportJob> {
  for (;;) {
    const job = (await api.get<ImportJob>(`/v1/imports/${id}`)).body;
    if (job.counts.created >= atLeast) return job;
    if (job.status !== 'applying') throw new Error(`import ${id} is ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
