import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { accounts, type common } from '@onramp/contracts';
import { createPgAdapter } from '@onramp/persistence';
import { ServiceTestBed, type ServiceInstance } from '@onramp/service-testing';
import { accountsConfig } from '../config/accounts-config';
import { accountsFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

/** One accounts instance on real Postgres (schema migrated) and NATS. */
export class AccountsApp {
  private constructor(
    private readonly bed: ServiceTestBed,
    private readonly instance: ServiceInstance,
  ) {}

  /** `variables` are the service's own, e.g. ACCOUNT_PLANS, on top of the test defaults. */
  static async start(variables: Record<string, string> = {}): Promise<AccountsApp> {
    const bed = await ServiceTestBed.start({
      name: 'accounts',
      config: accountsConfig,
      variables,
      migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
      createClient: (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
      features: accountsFeatures,
    });
    return new AccountsApp(bed, await bed.instance());
  }

  get database(): PrismaClient {
    return this.instance.database<PrismaClient>();
  }

  readonly call: ServiceInstance['call'] = (method, request) => this.instance.call(method, request);

  /** See ServiceInstance.poisonEveryConsumer. */
  readonly poisonEveryConsumer = () => this.instance.poisonEveryConsumer();

  readonly publish: ServiceInstance['publish'] = (schema, event) =>
    this.instance.publish(schema, event);

  readonly handled: ServiceInstance['handled'] = (consumer, messageId) =>
    this.instance.handled(consumer, messageId);

  /** A new top-level consumer account, and an admin of it holding `permissions` there. */
  async customer(permissions: string[]) {
    const { account } = await this.call(accounts.AccountsService.method.createAccount, {
      caller: callerWith(randomUUID(), { platform: true }, ['accounts.create']),
      name: `Customer ${randomUUID()}`,
      type: 'consumer',
    });
    return {
      account: account!,
      admin: callerWith(randomUUID(), { accountIds: [account!.id] }, permissions),
    };
  }

  stop(): Promise<void> {
    return this.bed.stop();
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
