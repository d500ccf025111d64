import path from 'node:path';
import type { Message, MessageInitShape } from '@bufbuild/protobuf';
import type { common, EventSchema } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
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

  /**
   * Publishes an event as its producer would (through an outbox and JetStream), here accounts' own
   * outbox, so it reaches accounts' consumers on the real path. Answers the message id.
   */
  async publish<Event extends Message>(
    schema: EventSchema<Event>,
    event: MessageInitShape<EventSchema<Event>>,
  ): Promise<string> {
    const outbox = this.instance.module.get(Outbox);
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
