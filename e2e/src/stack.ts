import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EventTokens } from '@onramp/sealing';
import {
  createDatabase,
  eventually,
  freePort,
  provideInfrastructure,
  startServiceProcess,
  startSmtpSink,
  type Infrastructure,
  type SmtpSink,
  type ServiceProcess,
} from '@onramp/testing';

export { eventually };

const run = promisify(execFile);
const repositoryRoot = path.resolve(__dirname, '..', '..');

export type ServiceName =
  'gateway' | 'identity' | 'accounts' | 'invitations' | 'notifications' | 'import';
export const ALL_SERVICES: ServiceName[] = [
  'identity',
  'accounts',
  'invitations',
  'notifications',
  'import',
  'gateway',
];
const OWN_SCHEMA = (service: ServiceName): boolean => service !== 'gateway';
const processKey = (service: ServiceName, replica: number): string =>
  replica === 0 ? service : `${service}#${replica}`;

/** The platform admin identity creates at first start (ONRAMP_ADMIN_EMAIL / _PASSWORD). */
/** The credentials Postmark's bounce webhook is given in e2e stacks. */
/** The gateway's upload limit in e2e stacks: large enough for the fault test's file, small enough to exceed. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export const POSTMARK_WEBHOOK = { user: 'postmark', password: 'bounce-hook-secret-42' };

export const BOOTSTRAP_ADMIN = { email: 'admin@onramp.test', password: 'Charge-Point-Admin-7!' };

/** The invitations service's limits in e2e stacks, set here so that tests count up to these values. */
export const INVITATION_LIMITS = { resendsPerHour: 5, tokenAttempts: 8 } as const;

/**
 * The real thing, for end-to-end tests: Postgres and NATS (containers or embedded), a fresh
 * database, every service's migrations, and the built services as separate processes.
 */
export class Stack {
  private readonly processes = new Map<string, ServiceProcess>();
  private readonly urls = new Map<string, string>();
  private readonly ports = new Map<ServiceName, number>();
  private readonly signingKeys = `e2e:${randomBytes(32).toString('base64url')}`;
  private readonly settingsKey = randomBytes(32).toString('base64url');
  private readonly eventTokenKey = randomBytes(32).toString('base64url');
  /** Opens the link tokens the services seal into their events, as notifications does. */
  readonly eventTokens = new EventTokens(this.eventTokenKey);

  private constructor(
    readonly infrastructure: Infrastructure,
    readonly databaseUrl: string,
    /** Where notifications delivers email: a real SMTP server on loopback that keeps it. */
    readonly mailbox: SmtpSink,
  ) {}

  /** Starts `services`; `settings` replaces or adds variables of some of them (benchmarks). */
  static async start(
    services: ServiceName[] = ALL_SERVICES,
    settings: Partial<Record<ServiceName, Record<string, string>>> = {},
  ): Promise<Stack> {
    const infrastructure = await provideInfrastructure();
    const stack = new Stack(
      infrastructure,
      await createDatabase(infrastructure.postgresUrl, 'e2e'),
      await startSmtpSink(),
    );
    // Known before anything starts, since emails link to it.
    stack.ports.set('gateway', await freePort());
    await Promise.all(services.filter(OWN_SCHEMA).map((service) => stack.migrate(service)));
    for (const service of services) await stack.startService(service, settings[service]);
    return stack;
  }

  /**
   * An access token signed with identity's own key (HS256, as identity signs them), carrying
   * whatever claims a test puts in: how a token a forger could never make is tested.
   */
  signAccessToken(claims: Record<string, unknown>): string {
    const [kid, secret] = this.signingKeys.split(':');
    const now = Math.floor(Date.now() / 1000);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = [
      encode({ alg: 'HS256', kid, typ: 'JWT' }),
      encode({ iss: 'onramp', aud: 'onramp-api', iat: now, exp: now + 300, ...claims }),
    ].join('.');
    const signature = createHmac('sha256', Buffer.from(secret, 'base64url'))
      .update(unsigned)
      .digest('base64url');
    return `${unsigned}.${signature}`;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  envFor(service: ServiceName, port: number): Record<string, string> {
    return {
      PORT: String(port),
      HOST: '127.0.0.1',
      NATS_URL: this.infrastructure.natsUrl,
      LOG_LEVEL: 'info',
      ...(OWN_SCHEMA(service) ? { DATABASE_URL: this.databaseUrl } : {}),
      ...this.serviceSpecificEnv(service),
    };
  }

  /** Variables only some services read; tests raise the gateway's limits so that they test behaviour. */
  private serviceSpecificEnv(service: ServiceName): Record<string, string> {
    const specific: Partial<Record<ServiceName, Record<string, string>>> = {
      identity: {
        JWT_SIGNING_KEYS: this.signingKeys,
        ONRAMP_ADMIN_EMAIL: BOOTSTRAP_ADMIN.email,
        ONRAMP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password,
        EVENT_TOKEN_KEY: this.eventTokenKey,
      },
      accounts: { ACCOUNT_PLANS: JSON.stringify({ compact: [], pro: ['user_groups'] }) },
      notifications: {
        EMAIL_PROVIDER: 'smtp',
        SMTP_URL: this.mailbox.url,
        PUBLIC_URL: this.gatewayUrl,
        EMAIL_RETRY_BASE_MS: '200',
        // Lets tests save email provider settings (their secrets are encrypted under it).
        SETTINGS_ENCRYPTION_KEY: this.settingsKey,
        EVENT_TOKEN_KEY: this.eventTokenKey,
      },
      // Expiry is announced within a second rather than the default 30.
      invitations: {
        PUBLIC_URL: this.gatewayUrl,
        EXPIRY_SWEEP_SECONDS: '1',
        INVITATION_RESENDS_PER_HOUR: String(INVITATION_LIMITS.resendsPerHour),
        INVITATION_TOKEN_ATTEMPTS: String(INVITATION_LIMITS.tokenAttempts),
        EVENT_TOKEN_KEY: this.eventTokenKey,
      },
      // A job left by a killed replica is taken over within seconds rather than the default.
      import: { IMPORT_LEASE_SECONDS: '3' },
      gateway: {
        RATE_LIMIT_AUTH_PER_MINUTE: '100000',
        RATE_LIMIT_PER_MINUTE: '1000000',
        POSTMARK_WEBHOOK_USER: POSTMARK_WEBHOOK.user,
        POSTMARK_WEBHOOK_PASSWORD: POSTMARK_WEBHOOK.password,
        IMPORT_MAX_BYTES: String(IMPORT_MAX_BYTES),
      },
    };
    return specific[service] ?? {};
  }

  /** Starts a service (again, after a stop); `replica` > 0 starts another instance beside it. */
  async startService(
    service: ServiceName,
    extraEnv: Record<string, string> = {},
    replica = 0,
  ): Promise<ServiceProcess> {
    const port = replica === 0 ? (this.ports.get(service) ?? (await freePort())) : await freePort();
    if (replica === 0) this.ports.set(service, port);
    const process = await startServiceProcess({
      name: replica === 0 ? service : `${service}-${replica}`,
      script: path.join(repositoryRoot, 'services', service, 'dist', 'main.js'),
      env: { ...this.envFor(service, port), ...extraEnv },
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
    });
    this.processes.set(processKey(service, replica), process);
    this.urls.set(processKey(service, replica), `http://127.0.0.1:${port}`);
    return process;
  }

  /** Where a service process listens (its health and, for notifications, metrics). */
  processUrl(service: ServiceName, replica = 0): string {
    const url = this.urls.get(processKey(service, replica));
    if (url === undefined) throw new Error(`${service} (replica ${replica}) was never started`);
    return url;
  }

  process(service: ServiceName, replica = 0): ServiceProcess {
    const process = this.processes.get(processKey(service, replica));
    if (process === undefined) throw new Error(`${service} (replica ${replica}) is not running`);
    return process;
  }

  async migrate(service: ServiceName): Promise<void> {
    await run(
      process.execPath,
      [path.join(repositoryRoot, 'services', service, 'dist', 'migrate.js')],
      {
        env: { ...process.env, DATABASE_URL: this.databaseUrl },
      },
    );
  }

  /** Runs a service's operator command `dead-letters` (as `kubectl exec` would) and answers its output. */
  async deadLetters(service: ServiceName, args: string[]): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      [path.join(repositoryRoot, 'services', service, 'dist', 'dead-letters.js'), ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: this.databaseUrl,
          NATS_URL: this.infrastructure.natsUrl,
        },
      },
    );
    return stdout;
  }

  async query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((process) => process.stop('SIGTERM')));
    await this.mailbox.stop();
    await this.infrastructure.stop();
  }
}
