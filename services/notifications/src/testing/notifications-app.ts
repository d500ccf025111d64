import path from 'node:path';
import type { Message, MessageInitShape } from '@bufbuild/protobuf';
import type { EventSchema } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import { createPgAdapter } from '@onramp/persistence';
import { ServiceTestBed, type ServiceInstance } from '@onramp/service-testing';
import type { SmtpSink } from '@onramp/testing';
import { notificationsConfig } from '../config/notifications-config';
import { notificationsFeatures } from '../features';
import { PrismaClient } from '../generated/prisma/client';

export type ReceivedEmail = SmtpSink['messages'][number];

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

  /** One of the instance's providers, e.g. its metrics. */
  get<Provider>(type: new (...args: never[]) => Provider): Provider {
    return this.instance.module.get(type);
  }

  get database(): PrismaClient {
    return this.instance.database<PrismaClient>();
  }

  /**
   * Publishes an event as its producer would (through an outbox and JetStream), here through
   * notifications' own outbox, so it reaches the consumers on the real path. Answers the message id.
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
      where: { consumer: `notifications-${consumer}`, messageId },
    });
    return count > 0;
  }

  stop(): Promise<void> {
    return this.bed.stop();
  }
}

/** The first address a received email was sent to. */
export function recipientOf(email: ReceivedEmail): string | undefined {
  const to = Array.isArray(email.to) ? email.to[0] : email.to;
  return to?.value[0]?.address;
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
