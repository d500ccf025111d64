import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@onramp/testing';
import { prismaDiff } from './prisma-diff';
import { servicePaths } from './service-paths';

/**
 * Writes `<timestamp>_<name>/migration.sql` for the changes to `schema.prisma` since the last
 * committed migration (the schema as committed with it is the starting point). Returns the folder,
 * or undefined when there is nothing to migrate.
 */
export async function newMigration(
  repositoryRoot: string,
  service: string,
  name: string,
): Promise<string | undefined> {
  if (!/^[a-z][a-z0-9_]*$/.test(name))
    throw new Error('name the migration in snake_case after what it does, e.g. add_user_status');
  const paths = servicePaths(repositoryRoot, service);
  const work = await mkdtemp(path.join(os.tmpdir(), 'new-migration-'));
  const previous = await previousSchema(
    repositoryRoot,
    paths.migrationsDir,
    paths.schemaFile,
    work,
  );
  const server = await startEmbeddedPostgres();
  try {
    const output = path.join(work, 'migration.sql');
    await prismaDiff({
      ...paths,
      cwd: paths.root,
      databaseUrl: server.url,
      from: previous,
      to: paths.schemaFile,
      output,
    });
    const sql = await readFile(output, 'utf8');
    if (sql.trim() === '' || sql.includes('-- This is an empty migration.')) return undefined;
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const folder = path.join(paths.migrationsDir, `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'migration.sql'), sql);
    const lock = path.join(paths.migrationsDir, 'migration_lock.toml');
    if (!existsSync(lock))
      await writeFile(
        lock,
        '# Written by the migration tool; keep it in version control.\nprovider = "postgresql"\n',
      );
    return folder;
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function previousSchema(
  repositoryRoot: string,
  migrationsDir: string,
  schemaFile: string,
  work: string,
): Promise<string | undefined> {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
  const lastCommit = git(
    'log',
    '-1',
    '--format=%H',
    '--',
    path.relative(repositoryRoot, migrationsDir),
  );
  if (lastCommit === '') return undefined;
  const file = path.join(work, 'previous.prisma');
  await writeFile(file, git('show', `${lastCommit}:${path.relative(repositoryRoot, schemaFile)}`));
  return file;
}
