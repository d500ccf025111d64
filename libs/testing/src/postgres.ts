import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import {
  handOver,
  postgresUser,
  removeViews,
  seenThrough,
  viewsFor,
  type View,
} from './postgres-user';

export interface PostgresServer {
  /** Connection URL of the `postgres` database; see `createDatabase` for isolated ones. */
  url: string;
  /**
   * Shuts the server down as a restart does (every session ends), keeping its data and port:
   * `start` brings it back. Fault tests use this.
   */
  stopKeepingData(): Promise<void>;
  /** Starts the server stopped by `stopKeepingData` again, on the same data and port. */
  start(): Promise<void>;
  /** Stops the server for good (removing its data when it was temporary). */
  stop(): Promise<void>;
}

interface EmbeddedPostgresOptions {
  /** Keep data here across restarts; a fresh temporary folder (removed on stop) when absent. */
  dataDir?: string;
  port?: number;
}

const START_TIMEOUT_MS = 60_000;
const launcher = path.join(__dirname, '..', 'bin', 'embedded-postgres.mjs');
// Mounts each `source target` pair given before `--`, then runs what follows it.
const MOUNT_THEN_RUN =
  'while [ "$1" != -- ]; do mount --bind "$1" "$2" || exit 1; shift 2; done; shift; exec "$@"';

/**
 * Real Postgres from the `embedded-postgres` package, for machines without a container runtime.
 * Run as root, Postgres runs as the `postgres` user: the data folder is made that user's, and
 * folders on the way it cannot enter are passed by (see postgres-user.ts).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<PostgresServer> {
  const temporary = options.dataDir === undefined;
  const parent = temporary
    ? await mkdtemp(path.join(os.tmpdir(), 'onramp-pg-'))
    : path.dirname(options.dataDir!);
  // A temporary parent is this process's own: the postgres user may enter it.
  if (temporary) await chmod(parent, 0o755);
  const dataDir = options.dataDir ?? path.join(parent, 'data');
  await mkdir(parent, { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const user = postgresUser();
  if (user !== undefined) await handOver(dataDir, user);
  const views =
    user === undefined ? [] : await viewsFor(user, [path.dirname(launcher), binaries(), dataDir]);
  const port = options.port ?? (await freePort());
  // The launcher always keeps the data: a temporary folder is removed here, on the final stop.
  const args = [seenThrough(views, launcher), seenThrough(views, dataDir), String(port), 'true'];
  let running: Launched | undefined;
  const launch = async (): Promise<void> => {
    running = await launchServer(args, views);
  };
  const shutDown = async (): Promise<void> => {
    await running?.stop();
    running = undefined;
  };
  await launch().catch(async (error: unknown) => {
    await removeViews(views);
    if (temporary) await rm(parent, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stopKeepingData: shutDown,
    start: async () => {
      if (running === undefined) await launch();
    },
    stop: async () => {
      await shutDown();
      await removeViews(views);
      if (temporary) await rm(parent, { recursive: true, force: true });
    },
  };
}

interface Launched {
  stop(): Promise<void>;
}

/** Runs the launcher (through the private mount when there are views); resolves once it is ready. */
async function launchServer(args: string[], views: View[]): Promise<Launched> {
  const child =
    views.length === 0
      ? spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(
          'unshare',
          [
            ...['--mount', '--propagation', 'private', 'sh', '-c', MOUNT_THEN_RUN, 'sh'],
            ...views.flatMap((view) => [view.source, view.target]),
            ...['--', process.execPath, ...args],
          ],
          { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' },
        );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    const fail = (reason: string, mountFailure = mountFailureIn(errors)): void => {
      clearTimeout(timer);
      reject(
        new Error(views.length > 0 && mountFailure ? unreachable(views[0], mountFailure) : reason),
      );
    };
    const timer = setTimeout(
      () => fail(`embedded Postgres did not start in ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) =>
      fail(`embedded Postgres could not be started: ${error.message}`, error.message),
    );
    child.once('exit', (code) =>
      fail(`embedded Postgres exited with code ${code}: ${errors.trim()}`),
    );
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The package holding the Postgres programs that embedded-postgres runs on this platform. */
function binaries(): string {
  const from = path.dirname(require.resolve('embedded-postgres'));
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, {
    paths: [from],
  });
  return path.dirname(path.dirname(entry));
}

/** What unshare or mount printed when it failed: they name themselves. */
function mountFailureIn(errors: string): string | undefined {
  return /^(unshare|mount): .*$/m.exec(errors)?.[0];
}

/** One line saying what to do when the private mount could not be made (e.g. in a container). */
function unreachable(view: View, cause: string): string {
  return (
    `embedded Postgres runs as the postgres user, who cannot enter ${view.blockedBy}, ` +
    `and showing it the folder below through a private mount failed (${cause}): ` +
    'start from a folder that user can enter, or set DATABASE_URL'
  );
}
