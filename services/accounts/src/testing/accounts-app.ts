import path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import type {
  DescMessage,
  DescMethodUnary,
  MessageInitShape,
  MessageShape,
} from '@bufbuild/protobuf';
import { databaseEnv, serviceEnv } from '@onramp/config';
import type { common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
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
