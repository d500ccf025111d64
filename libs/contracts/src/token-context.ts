/**
 * What a link token carried in an event is sealed for (EventTokens of @onramp/sealing): producer
 * and consumer must name the same event and the same subject of it.
 */
export const tokenContext = {
  passwordReset: (userId: string) => `identity.password-reset-issued:${userId}`,
  invitation: (invitationId: string) => `invitations.invitation-issued:${invitationId}`,
};
