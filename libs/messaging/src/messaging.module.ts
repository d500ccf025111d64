import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { DeadLetterMetrics } from './dead-letter-metrics';
import { EventConsumers } from './event-consumers';
import { EventFailures } from './event-failures';
import { EventHandling } from './event-handling';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { connectNats, NATS_CONNECTION, NatsLifecycle } from './nats-connection';
import { Outbox } from './outbox';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';
import { UploadStore } from './upload-store';

export type { MessagingOptions };

/**
 * NATS for one process: RPC client and server always; the outbox relay and event consumers when
 * the process owns a database schema (they keep their bookkeeping and dead letters in it; their
 * metrics go to the application's prom-client Registry, see @onramp/health's MetricsModule).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const owned = options.databaseSchema !== undefined;
    const durable: Provider[] = owned ? [Outbox, EventConsumers] : [];
    const consumerParts: Provider[] = owned
      ? [EventHandling, EventFailures, DeadLetterMetrics]
      : [];
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: () => connectNats(options.natsUrl, options.service),
        },
        NatsLifecycle,
        RpcClient,
        RpcServer,
        UploadStore,
        ...durable,
        ...consumerParts,
      ],
      exports: [MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, RpcServer, UploadStore, ...durable],
    };
  }
}
