import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from './ports';

export interface OnKeptPort<Server> {
  server: Server;
  /** The kept port that was taken, when the server had to move to another one. */
  movedFrom?: number;
}

/**
 * Starts a server on the port kept in `file`: chosen once, and reused on every later start, so
 * that an address saved elsewhere (such as an SMTP provider saved through the API) stays right.
 * A new port is chosen, and kept, only when something else holds the kept one.
 */
export async function onKeptPort<Server>(
  file: string,
  listen: (port: number) => Promise<Server>,
): Promise<OnKeptPort<Server>> {
  const kept = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 0;
  const valid = Number.isInteger(kept) && kept > 0 && kept < 65_536;
  if (valid) {
    try {
      return { server: await listen(kept) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  const port = await freePort();
  const server = await listen(port);
  writeFileSync(file, `${port}\n`);
  return valid ? { server, movedFrom: kept } : { server };
}
