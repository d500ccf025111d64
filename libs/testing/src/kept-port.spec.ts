import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { onKeptPort } from './kept-port';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;
const close = (server: Server): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

describe('onKeptPort', () => {
  let folder: string;
  let file: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'onramp-kept-port-'));
    file = path.join(folder, 'port');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('chooses a port once and listens on it again on every later start', async () => {
    const first = await onKeptPort(file, listen);
    const port = portOf(first.server);
    expect(await readFile(file, 'utf8')).toBe(`${port}\n`);
    await close(first.server);

    const second = await onKeptPort(file, listen);
    expect(portOf(second.server)).toBe(port);
    expect(second.movedFrom).toBeUndefined();
    await close(second.server);
  });

  it('moves to another port, and keeps that one, only when the kept port is taken', async () => {
    const holder = await listen(0);
    const taken = portOf(holder);
    await writeFile(file, `${taken}\n`);
    try {
      const moved = await onKeptPort(file, listen);
      const port = portOf(moved.server);
      expect(port).not.toBe(taken);
      expect(moved.movedFrom).toBe(taken);
      expect(await readFile(file, 'utf8')).toBe(`${port}\n`);
      await close(moved.server);
    } finally {
      await close(holder);
    }
  });

  it('chooses a new port when the kept one is not a port', async () => {
    await writeFile(file, 'eighty\n');
    const started = await onKeptPort(file, listen);
    expect(started.movedFrom).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe(`${portOf(started.server)}\n`);
    await close(started.server);
  });
});
