export * from './gen/onramp/notifications/v1/notifications_pb';
