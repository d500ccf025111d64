import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './postgres';

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let privateFolder: string;

  beforeAll(async () => {
    // What `mktemp -d` gives: a folder only its owner (root, on CI) may enter.
    privateFolder = await mkdtemp(path.join(os.tmpdir(), 'onramp-private-'));
  });
  afterAll(() => rm(privateFolder, { recursive: true, force: true }));

  it('keeps its data inside a private folder across restarts, and leaves the folder private', async () => {
    const dataDir = path.join(privateFolder, 'checkout', '.onramp', 'postgres', 'data');
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await query(first.url, 'CREATE TABLE kept (answer int); INSERT INTO kept VALUES (42)');
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query<{ answer: number }>(second.url, 'SELECT answer FROM kept')).toEqual([
        { answer: 42 },
      ]);
    } finally {
      await second.stop();
    }
    expect((await stat(privateFolder)).mode & 0o777).toBe(0o700);
    expect((await stat(path.dirname(dataDir))).mode & 0o002).toBe(0);
  }, 120_000);

  it('keeps its data over a stop and a start on the same address (a restart, for fault tests)', async () => {
    const server = await startEmbeddedPostgres();
    try {
      await query(
        server.url,
        'CREATE TABLE survived (answer int); INSERT INTO survived VALUES (7)',
      );
      await server.stopKeepingData();
      await expect(query(server.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await server.start();
      expect(await query<{ answer: number }>(server.url, 'SELECT answer FROM survived')).toEqual([
        { answer: 7 },
      ]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
