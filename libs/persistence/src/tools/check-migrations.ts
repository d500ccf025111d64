import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDatabase, startEmbeddedPostgres } from '@onramp/testing';
import { applyMigrations } from '../migrator';
import { prismaDiff } from './prisma-diff';
import { schemaFingerprint } from './schema-fingerprint';
import { servicePaths } from './service-paths';

/**
 * Fails when `schema.prisma` and the committed migrations disagree: it builds one database from the
 * migrations and one straight from the schema, and compares their structure.
 */
export async function checkMigrations(repositoryRoot: string, service: string): Promise<string[]> {
  const paths = servicePaths(repositoryRoot, service);
  const server = await startEmbeddedPostgres();
  try {
    const fromMigrations = await createDatabase(server.url, 'migrations');
    await applyMigrations({
      databaseUrl: fromMigrations,
      schema: service,
      migrationsDir: paths.migrationsDir,
    });
    const fromSchema = await createDatabase(server.url, 'schema');
    const script = path.join(await mkdtemp(path.join(os.tmpdir(), 'schema-sql-')), 'schema.sql');
    await prismaDiff({
      ...paths,
      cwd: paths.root,
      databaseUrl: fromSchema,
      to: paths.schemaFile,
      output: script,
    });
    const client = new Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(await readFile(script, 'utf8'));
    await client.end();
    const [expected, actual] = await Promise.all([
      schemaFingerprint(fromSchema, service),
      schemaFingerprint(fromMigrations, service),
    ]);
    return [
      ...expected
        .filter((line) => !actual.includes(line))
        .map((line) => `missing from migrations: ${line}`),
      ...actual
        .filter((line) => !expected.includes(line))
        .map((line) => `not in schema.prisma: ${line}`),
    ];
  } finally {
    await server.stop();
  }
}
