import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, freePort } from '@onramp/testing';
import { Api } from './api';

const run = promisify(execFile);
const repositoryRoot = path.resolve(__dirname, '..', '..');
// What a fresh clone lacks: its history, and this checkout's local state and configuration.
const NOT_COPIED = new Set(['.git', '.onramp', '.env']);
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

/** An email the local mail catcher wrote to .onramp/mail. */
export interface CaughtEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * `npm start` as a newcomer runs it: `deploy/local/start.mjs` in a checkout of its own inside a
 * private (0700) temporary folder, as a real child process. Every start and stop is bounded in
 * time, and `remove` stops whatever still runs and deletes the folder.
 */
export class LocalStart {
  private child?: ChildProcess;
  private output = '';

  private constructor(
    /** The private folder holding the checkout. */
    readonly folder: string,
    /** The checkout: the repository's files (the build included), hard-linked where possible. */
    readonly root: string,
    /** The gateway's port (`PORT`), the same on every start. */
    readonly port: number,
  ) {}

  static async inPrivateFolder(): Promise<LocalStart> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'onramp-checkout-'));
    const root = path.join(folder, 'onramp');
    const sources = (await readdir(repositoryRoot))
      .filter((entry) => !NOT_COPIED.has(entry))
      .map((entry) => path.join(repositoryRoot, entry));
    await run('mkdir', [root]);
    // Hard links make copying node_modules and the builds quick; across file systems, a copy.
    await run('cp', ['-al', ...sources, root]).catch(() => run('cp', ['-a', ...sources, root]));
    return new LocalStart(folder, root, await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async writeDotEnv(variables: Record<string, string>): Promise<void> {
    const lines = Object.entries(variables).map(([name, value]) => `${name}='${value}'`);
    await writeFile(path.join(this.root, '.env'), `${lines.join('\n')}\n`);
  }

  /** Runs `start.mjs` with only these variables besides PATH and HOME; resolves once it is up. */
  async start(env: Record<string, string>): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [path.join(this.root, 'deploy', 'local', 'start.mjs')], {
      cwd: this.root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.homedir(),
        ...(process.env.NATS_SERVER_BIN && { NATS_SERVER_BIN: process.env.NATS_SERVER_BIN }),
        PORT: String(this.port),
        ...env,
      },
      // A process group of its own, so that a start that hangs is stopped with all it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer): void => void (this.output += chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start was not up in time:\n${this.output}`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', () => {
        if (!this.output.includes('Onramp is up.')) return;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}:\n${this.output}`));
      });
    });
  }

  /** What `start.mjs` printed since it was last started. */
  printed(): string {
    return this.output;
  }

  /** Ctrl-C; whatever still runs a minute later is killed. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timer = setTimeout(() => process.kill(-pid, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  async remove(): Promise<void> {
    await this.stop();
    await rm(this.folder, { recursive: true, force: true });
  }

  /** The first admin, signed in with the credentials `npm start` generated. */
  async admin(): Promise<Api> {
    const secrets = JSON.parse(
      await readFile(path.join(this.root, '.onramp', 'secrets.json'), 'utf8'),
    ) as { ONRAMP_ADMIN_EMAIL: string; ONRAMP_ADMIN_PASSWORD: string };
    const { api } = await new Api(this.url).login(
      secrets.ONRAMP_ADMIN_EMAIL,
      secrets.ONRAMP_ADMIN_PASSWORD,
    );
    return api;
  }

  /** The email to this address that the mail catcher wrote to .onramp/mail, waited for. */
  async emailTo(address: string, timeoutMs = 20_000): Promise<CaughtEmail> {
    let found: CaughtEmail | undefined;
    await eventually(
      `an email to ${address} in .onramp/mail`,
      async () => {
        found = (await this.caughtEmails()).find((email) => email.to.includes(address));
        return found !== undefined;
      },
      timeoutMs,
    );
    return found!;
  }

  private async caughtEmails(): Promise<CaughtEmail[]> {
    const mailDir = path.join(this.root, '.onramp', 'mail');
    return Promise.all(
      (await readdir(mailDir)).map(async (file) => {
        const content = await readFile(path.join(mailDir, file), 'utf8');
        const end = content.indexOf('\n\n');
        const headers = content.slice(0, end);
        return {
          to: /^To: (.*)$/m.exec(headers)?.[1] ?? '',
          subject: /^Subject: (.*)$/m.exec(headers)?.[1] ?? '',
          text: content.slice(end + 2),
        };
      }),
    );
  }
}
