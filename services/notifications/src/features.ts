import { IdentityEmailsModule } from './identity-emails/identity-emails.module';

/** Every feature of the notifications service (shared by main and the integration tests). */
export const notificationsFeatures = [IdentityEmailsModule];
