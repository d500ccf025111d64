import path from 'node:path';
import { fromBinary, type Message } from '@bufbuild/protobuf';
import { eventSubject, identity, type EventSchema } from '@onramp/contracts';
import { createPgAdapter } from '@onramp/persistence';
import { ServiceTestBed, type ServiceInstance } from '@onramp/service-testing';
import { identityConfig, type IdentityConfig } from '../config/identity-config';
import { identityFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

export const ADMIN = { email: 'admin@operator.example', password: 'Admin-Passw0rd!' };
export const SIGNING_KEY = `k1:${Buffer.alloc(32, 7).toString('base64url')}`;

/** Real Postgres and NATS with the identity schema migrated, shared by the apps of one spec. */
export class IdentityTestBed {
  private constructor(private readonly bed: ServiceTestBed) {}

  static async start(): Promise<IdentityTestBed> {
    return new IdentityTestBed(
      await ServiceTestBed.start({
        name: 'identity',
        migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
        config: identityConfig,
        variables: {
          JWT_SIGNING_KEYS: SIGNING_KEY,
          ONRAMP_ADMIN_EMAIL: ADMIN.email,
          ONRAMP_ADMIN_PASSWORD: ADMIN.password,
        },
        createClient: (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
        features: identityFeatures,
      }),
    );
  }

  /** Starts one identity instance (a replica) with the given variables on top of test defaults. */
  async app(variables: Record<string, string> = {}): Promise<IdentityApp> {
    return new IdentityApp(await this.bed.instance(variables));
  }

  /** The bed's database, for a test that needs its own client of it. */
  get databaseUrl(): string {
    return this.bed.databaseUrl;
  }

  stop(): Promise<void> {
    return this.bed.stop();
  }
}

export class IdentityApp {
  constructor(private readonly instance: ServiceInstance) {}

  get config(): IdentityConfig {
    return this.instance.env as IdentityConfig;
  }

  get database(): PrismaClient {
    return this.instance.database<PrismaClient>();
  }

  readonly call: ServiceInstance['call'] = (method, request) => this.instance.call(method, request);

  /** See ServiceInstance.poisonEveryConsumer. */
  readonly poisonEveryConsumer = () => this.instance.poisonEveryConsumer();

  /** Publishes an event as another service would, through this instance's outbox. */
  readonly publish: ServiceInstance['publish'] = (schema, event) =>
    this.instance.publish(schema, event);

  readonly handled: ServiceInstance['handled'] = (consumer, messageId) =>
    this.instance.handled(consumer, messageId);

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
