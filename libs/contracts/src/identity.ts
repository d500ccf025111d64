export * from './gen/onramp/identity/v1/api_keys_pb';
export * from './gen/onramp/identity/v1/auth_pb';
export * from './gen/onramp/identity/v1/events_pb';
export * from './gen/onramp/identity/v1/identity_pb';
