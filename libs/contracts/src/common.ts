export * from './gen/onramp/common/v1/caller_pb';
export * from './gen/onramp/common/v1/error_pb';
export * from './gen/onramp/common/v1/bulk_pb';
