import { InvitationsModule } from './invitations/invitations.module';

/** Every feature of the invitations service (shared by main and the integration tests). */
export const invitationsFeatures = [InvitationsModule];
