import path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import type {
  DescMessage,
  DescMethodUnary,
  Message,
  MessageInitShape,
  MessageShape,
} from '@bufbuild/protobuf';
import { databaseEnv, serviceEnv } from '@onramp/config';
import type { common, EventSchema } from '@onramp/contracts';
import { Outbox, RpcClient } from '@onramp/messaging';
import { applyMigrations, createPgAdapter, DATABASE } from '@onramp/persistence';
import { coreModules } from '@onramp/runtime';
import { createDatabase, provideInfrastructure, type Infrastructure } from '@onramp/testing';
import { accountsFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

const environment = serviceEnv.extend(databaseEnv.shape);

/** One accounts instance on real Postgres (schema migrated) and NATS. */
export class AccountsApp {
  private constructor(
    private readonly infrastructure: Infrastructure,
    readonly module: TestingModule,
  ) {}

  static async start(): Promise<AccountsApp> {
    const infrastructure = await provideInfrastructure();
    const databaseUrl = await createDatabase(infrastructure.postgresUrl);
    await applyMigrations({
      databaseUrl,
      schema: 'accounts',
      migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
    });
    const env = environment.parse({
      PORT: '3000',
      NATS_URL: infrastructure.natsUrl,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    });
    const module = await Test.createTestingModule({
      imports: [
        ...coreModules({
          service: 'accounts',
          env,
          database: {
            schema: 'accounts',
            createClient: () => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
          },
        }),
        ...accountsFeatures,
      ],
    }).compile();
    await module.init();
    return new AccountsApp(infrastructure, module);
  }

  get database(): PrismaClient {
    return this.module.get(DATABASE);
  }

  call<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    request: MessageInitShape<Input>,
  ): Promise<MessageShape<Output>> {
    return this.module.get(RpcClient).call(method, request);
  }

  /**
   * Publishes an event as its producer would (through an outbox and JetStream), here accounts' own
   * outbox, so it reaches accounts' consumers on the real path. Answers the message id.
   */
  async publish<Event extends Message>(
    schema: EventSchema<Event>,
    event: MessageInitShape<EventSchema<Event>>,
  ): Promise<string> {
    const outbox = this.module.get(Outbox);
    const messageId = await this.database.$transaction((transaction) =>
      outbox.append(transaction, schema, event),
    );
    outbox.nudge();
    return messageId;
  }

  /** Whether a consumer (by its name, as subscribed) has handled that message. */
  async handled(consumer: string, messageId: string): Promise<boolean> {
    const count = await this.database.processedMessage.count({
      where: { consumer: `accounts-${consumer}`, messageId },
    });
    return count > 0;
  }

  async stop(): Promise<void> {
    await this.module.close();
    await this.infrastructure.stop();
  }
}

/** A caller as identity would resolve it: the platform, or these accounts, with permissions. */
export function callerWith(
  userId: string,
  scope: { platform: true } | { accountIds: string[] },
  permissions: string[],
): MessageInitShape<typeof common.CallerSchema> {
  return {
    userId,
    grants: [
      {
        platform: 'platform' in scope,
        accountIds: 'accountIds' in scope ? scope.accountIds : [],
        permissions,
      },
    ],
  };
}

/** Retries the check until it passes: consumers apply events a moment after they are published. */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
