export * from './gen/onramp/notifications/v1/events_pb';
export * from './gen/onramp/notifications/v1/notifications_pb';
export * from './gen/onramp/notifications/v1/templates_pb';
export * from './gen/onramp/notifications/v1/webhooks_pb';
