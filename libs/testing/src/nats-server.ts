import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './ports';

export interface NatsServer {
  url: string;
  /** Stops the server abruptly (SIGKILL) and starts it again on the same port and store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface NatsServerOptions {
  storeDir?: string;
  port?: number;
}

/** The `nats-server` binary: NATS_SERVER_BIN, then PATH, then Go's install folder. */
export function natsServerBinary(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  const candidates = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    path.join(os.homedir(), 'go', 'bin'),
  ];
  const found = candidates
    .map((dir) => path.join(dir, 'nats-server'))
    .find((file) => existsSync(file));
  if (found === undefined) {
    throw new Error(
      'nats-server is not installed: run deploy/local/ensure-setup.sh or set NATS_SERVER_BIN',
    );
  }
  return found;
}

/** A real nats-server with JetStream on a loopback port, its store in a folder of its own. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const temporary = options.storeDir === undefined;
  const storeDir = options.storeDir ?? (await mkdtemp(path.join(os.tmpdir(), 'onramp-nats-')));
  const port = options.port ?? (await freePort());
  const binary = natsServerBinary();
  let child: ChildProcess;

  const launch = async (): Promise<void> => {
    child = spawn(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
      stdio: 'ignore',
    });
    await waitForPort(port, 10_000);
  };
  const terminate = (signal: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    restart: async () => {
      await terminate('SIGKILL');
      await launch();
    },
    stop: async () => {
      await terminate('SIGTERM');
      if (temporary) await rm(storeDir, { recursive: true, force: true });
    },
  };
}
