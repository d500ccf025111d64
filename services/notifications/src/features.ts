import { DeliveriesModule } from './deliveries/deliveries.module';
import { EmailSettingsModule } from './email-settings/email-settings.module';
import { IdentityEmailsModule } from './identity-emails/identity-emails.module';
import { InvitationEmailsModule } from './invitation-emails/invitation-emails.module';
import { MetricsModule } from './metrics/metrics.module';
import { TemplatesModule } from './templates/templates.module';
import { UserErasureModule } from './erasure/user-erasure.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Every feature of the notifications service (shared by main and the integration tests). */
export const notificationsFeatures = [
  IdentityEmailsModule,
  InvitationEmailsModule,
  DeliveriesModule,
  EmailSettingsModule,
  MetricsModule,
  TemplatesModule,
  WebhooksModule,
  UserErasureModule,
];
