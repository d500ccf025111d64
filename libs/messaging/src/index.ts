export { MessagingModule, type MessagingOptions } from './messaging.module';
export { MESSAGING_OPTIONS } from './messaging-options';
export { NATS_CONNECTION } from './nats-connection';
export { RpcClient } from './rpc-client';
export { RpcServer } from './rpc-server';
export { Outbox } from './outbox';
export {
  EventConsumers,
  type DurableConsumer,
  type EventContext,
  type EventSubscription,
} from './event-consumers';
export { streamFor } from './streams';
export { ERROR_HEADER } from './headers';
export { RetryLater } from './retry-later';
export { backoffDelay } from './backoff';
