import path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  fromBinary,
  type Message,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { databaseEnv, serviceEnv } from '@onramp/config';
import { eventSubject, identity, type EventSchema } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { applyMigrations, createPgAdapter, DATABASE } from '@onramp/persistence';
import { coreModules } from '@onramp/runtime';
import { createDatabase, provideInfrastructure, type Infrastructure } from '@onramp/testing';
import { identityConfig, type IdentityConfig } from '../config/identity-config';
import { identityFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

export const ADMIN = { email: 'admin@operator.example', password: 'Admin-Passw0rd!' };
export const SIGNING_KEY = `k1:${Buffer.alloc(32, 7).toString('base64url')}`;

const environment = serviceEnv.extend(databaseEnv.shape).extend(identityConfig.shape);

/** Real Postgres and NATS with the identity schema migrated, shared by the apps of one spec. */
export class IdentityTestBed {
  private readonly apps: TestingModule[] = [];

  private constructor(
    private readonly infrastructure: Infrastructure,
    readonly databaseUrl: string,
  ) {}

  static async start(): Promise<IdentityTestBed> {
    const infrastructure = await provideInfrastructure();
    const databaseUrl = await createDatabase(infrastructure.postgresUrl);
    await applyMigrations({
      databaseUrl,
      schema: 'identity',
      migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
    });
    return new IdentityTestBed(infrastructure, databaseUrl);
  }

  /** Starts one identity instance (a replica) with the given variables on top of test defaults. */
  async app(variables: Record<string, string> = {}): Promise<IdentityApp> {
    const env = environment.parse({
      PORT: '3000',
      NATS_URL: this.infrastructure.natsUrl,
      DATABASE_URL: this.databaseUrl,
      LOG_LEVEL: 'warn',
      JWT_SIGNING_KEYS: SIGNING_KEY,
      ONRAMP_ADMIN_EMAIL: ADMIN.email,
      ONRAMP_ADMIN_PASSWORD: ADMIN.password,
      ...variables,
    });
    const module = await Test.createTestingModule({
      imports: [
        ...coreModules({
          service: 'identity',
          env,
          database: {
            schema: 'identity',
            createClient: () => new PrismaClient({ adapter: createPgAdapter(this.databaseUrl) }),
          },
        }),
        ...identityFeatures,
      ],
    }).compile();
    await module.init();
    this.apps.push(module);
    return new IdentityApp(module, env);
  }

  async stop(): Promise<void> {
    for (const app of this.apps) await app.close();
    await this.infrastructure.stop();
  }
}

export class IdentityApp {
  constructor(
    readonly module: TestingModule,
    readonly config: IdentityConfig,
  ) {}

  get database(): PrismaClient {
    return this.module.get(DATABASE);
  }

  call<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    request: MessageInitShape<Input>,
  ): Promise<MessageShape<Output>> {
    return this.module.get(RpcClient).call(method, request);
  }

  /** Events of one kind stored in the outbox, oldest first. */
  async events<Event extends Message>(schema: EventSchema<Event>): Promise<Event[]> {
    const rows = await this.database.outboxMessage.findMany({
      where: { subject: eventSubject(schema) },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => fromBinary(schema, row.payload));
  }

  async login(email: string, password: string) {
    const { tokens } = await this.call(identity.IdentityService.method.login, {
      email,
      password,
      client: { ip: '127.0.0.1', userAgent: 'jest' },
    });
    return tokens!;
  }

  async callerOf(accessToken: string) {
    const { caller } = await this.call(identity.IdentityService.method.authenticate, {
      credential: { case: 'accessToken', value: accessToken },
    });
    return caller!;
  }
}

/** Polls until `probe` holds (events travel through JetStream). */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
