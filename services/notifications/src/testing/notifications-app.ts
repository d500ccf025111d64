import path from 'node:path';
import { createPgAdapter } from '@onramp/persistence';
import { ServiceTestBed, type ServiceInstance } from '@onramp/service-testing';
import { notificationsConfig } from '../config/notifications-config';
import { notificationsFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

/** One notifications instance on real Postgres (schema migrated) and NATS. */
export class NotificationsApp {
  private constructor(
    private readonly bed: ServiceTestBed,
    private readonly instance: ServiceInstance,
  ) {}

  /** `variables` are the service's own (EMAIL_PROVIDER, SMTP_URL…), on top of the test defaults. */
  static async start(variables: Record<string, string> = {}): Promise<NotificationsApp> {
    const bed = await ServiceTestBed.start({
      name: 'notifications',
      config: notificationsConfig,
      variables,
      migrationsDir: path.join(__dirname, '..', '..', 'prisma', 'migrations'),
      createClient: (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
      features: notificationsFeatures,
    });
    return new NotificationsApp(bed, await bed.instance());
  }

  /** A second replica on the same database and NATS (it shares the consumers' work). */
  replica(): Promise<ServiceInstance> {
    return this.bed.instance();
  }

  readonly call: ServiceInstance['call'] = (method, request) => this.instance.call(method, request);

  /** See ServiceInstance.poisonEveryConsumer. */
  readonly poisonEveryConsumer = () => this.instance.poisonEveryConsumer();

  /** One of the instance's providers, e.g. its metrics. */
  get<Provider>(type: new (...args: never[]) => Provider): Provider {
    return this.instance.module.get(type);
  }

  get database(): PrismaClient {
    return this.instance.database<PrismaClient>();
  }

  readonly publish: ServiceInstance['publish'] = (schema, event) =>
    this.instance.publish(schema, event);

  readonly handled: ServiceInstance['handled'] = (consumer, messageId) =>
    this.instance.handled(consumer, messageId);

  stop(): Promise<void> {
    return this.bed.stop();
  }
}

/** The href values of an HTML part, with the entities Handlebars escapes decoded again. */
export function linksIn(html: string | false | undefined): string[] {
  if (html === false || html === undefined) return [];
  return [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) =>
    (href ?? '')
      .replace(/&#x3D;/g, '=')
      .replace(/&#x27;/g, "'")
      .replace(/&#x60;/g, '`')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
