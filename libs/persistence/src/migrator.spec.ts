import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDatabase, startEmbeddedPostgres, type PostgresServer } from '@onramp/testing';
import { applyMigrations } from './migrator';

describe('applyMigrations (real Postgres)', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startEmbeddedPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    for (const [name, sql] of Object.entries(migrations)) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'migration.sql'), sql);
    }
    return dir;
  }

  async function query<T>(url: string, sql: string): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('applies pending migrations once, in order, and records them as Prisma does', async () => {
    const url = await createDatabase(server.url);
    const dir = await migrationsFolder({
      '20260101000000_create_things':
        'CREATE SCHEMA IF NOT EXISTS "demo"; CREATE TABLE "demo"."things" (id int primary key);',
      '20260102000000_add_label': 'ALTER TABLE "demo"."things" ADD COLUMN label text;',
    });
    expect(
      await applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir }),
    ).toHaveLength(2);
    expect(
      await applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir }),
    ).toHaveLength(0);
    const history = await query<{ migration_name: string; applied_steps_count: number }>(
      url,
      'SELECT migration_name, applied_steps_count FROM demo._prisma_migrations ORDER BY migration_name',
    );
    expect(history).toEqual([
      { migration_name: '20260101000000_create_things', applied_steps_count: 1 },
      { migration_name: '20260102000000_add_label', applied_steps_count: 1 },
    ]);
  });

  it('rolls a failing migration back entirely and names it', async () => {
    const url = await createDatabase(server.url);
    const dir = await migrationsFolder({
      '20260101000000_broken':
        'CREATE SCHEMA IF NOT EXISTS "demo"; CREATE TABLE "demo"."a" (id int); SELECT * FROM nowhere;',
    });
    await expect(
      applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir }),
    ).rejects.toThrow(/20260101000000_broken failed/);
    expect(
      await query(
        url,
        "SELECT 1 FROM information_schema.tables WHERE table_schema = 'demo' AND table_name = 'a'",
      ),
    ).toHaveLength(0);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const url = await createDatabase(server.url);
    const dir = await migrationsFolder({
      '20260101000000_one': 'CREATE SCHEMA IF NOT EXISTS "demo"; CREATE TABLE "demo"."b" (id int);',
    });
    await applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir });
    await writeFile(
      path.join(dir, '20260101000000_one', 'migration.sql'),
      'CREATE TABLE "demo"."c" (id int);',
    );
    await expect(
      applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir }),
    ).rejects.toThrow(/was edited/);
  });

  it('lets concurrent runs (replicas, a Job) apply each migration exactly once', async () => {
    const url = await createDatabase(server.url);
    const dir = await migrationsFolder({
      '20260101000000_one': 'CREATE SCHEMA IF NOT EXISTS "demo"; CREATE TABLE "demo"."d" (id int);',
    });
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        applyMigrations({ databaseUrl: url, schema: 'demo', migrationsDir: dir }),
      ),
    );
    expect(results.flat()).toEqual(['20260101000000_one']);
  });
});
