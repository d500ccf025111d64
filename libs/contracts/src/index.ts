export * as common from './gen/onramp/common/v1/error_pb';
export * as identity from './gen/onramp/identity/v1/identity_pb';
export { allContractFiles } from './registry';
export { eventSubject, rpcSubject, type EventSchema } from './subjects';
