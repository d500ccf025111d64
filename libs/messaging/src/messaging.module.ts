import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { EventConsumers } from './event-consumers';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { connectNats, NATS_CONNECTION, NatsLifecycle } from './nats-connection';
import { Outbox } from './outbox';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';

export type { MessagingOptions };

/**
 * NATS for one process: RPC client and server always; the outbox relay and event consumers when
 * the process owns a database schema (they keep their bookkeeping in it).
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const durable: Provider[] =
      options.databaseSchema === undefined ? [] : [Outbox, EventConsumers];
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
        ...durable,
      ],
      exports: [MESSAGING_OPTIONS, NATS_CONNECTION, RpcClient, RpcServer, ...durable],
    };
  }
}
