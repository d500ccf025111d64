export * from './gen/onramp/accounts/v1/accounts_pb';
export * from './gen/onramp/accounts/v1/events_pb';
