import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

export interface ServiceProcessOptions {
  name: string;
  /** The built entry point, e.g. services/identity/dist/main.js. */
  script: string;
  env: Record<string, string>;
  /** Polled until it answers 200; the process counts as started then. */
  readyUrl?: string;
  /** Also append the process's output to this file. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface ServiceProcess {
  name: string;
  /** The operating system's process id, for measurements such as /proc/<pid>/status. */
  pid: number;
  /** Every line the process wrote to stdout and stderr so far. */
  output(): string[];
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited(): Promise<number | null>;
}

/** Starts a built service as a real child process, the way Kubernetes or `npm start` would. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', options.script], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const file: WriteStream | undefined = options.logFile
    ? createWriteStream(options.logFile, { flags: 'a' })
    : undefined;
  const collect = (chunk: Buffer): void => {
    file?.write(chunk);
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.length > 0),
    );
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      file?.end();
      resolve(code);
    }),
  );

  const handle: ServiceProcess = {
    name: options.name,
    pid: child.pid ?? 0,
    output: () => [...lines],
    exited: () => exit,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
  if (options.readyUrl !== undefined) {
    await waitUntilReady(
      child,
      options.readyUrl,
      options.startTimeoutMs ?? 30_000,
      lines,
      options.name,
    );
  }
  return handle;
}

async function waitUntilReady(
  child: ChildProcess,
  url: string,
  timeoutMs: number,
  lines: string[],
  name: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${name} exited with code ${child.exitCode} before it was ready:\n${lines.slice(-20).join('\n')}`,
      );
    }
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready after ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`);
}
