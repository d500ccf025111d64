export * from './gen/onramp/import/v1/import_pb';
export * from './gen/onramp/import/v1/events_pb';
