export { MessagingModule, type MessagingOptions } from './messaging.module';
export { NATS_CONNECTION } from './nats-connection';
export { RpcClient } from './rpc-client';
export { RpcServer } from './rpc-server';
export { Outbox } from './outbox';
export { EventConsumers, type EventSubscription } from './event-consumers';
export { streamFor } from './streams';
export { ERROR_HEADER } from './headers';
export { RetryLater } from './retry-later';
