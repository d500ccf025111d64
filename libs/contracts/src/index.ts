export * as accounts from './accounts';
export * as common from './common';
export * as identity from './identity';
export * as invitations from './invitations';
export * as notifications from './notifications';
export { allContractFiles } from './registry';
export { eventSubject, rpcSubject, type EventSchema } from './subjects';
export { isUuid } from './ids';
export { occurredAt } from './event-time';
