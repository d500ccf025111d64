export * from './gen/onramp/invitations/v1/events_pb';
export * from './gen/onramp/invitations/v1/invitations_pb';
