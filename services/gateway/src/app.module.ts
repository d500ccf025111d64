import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { coreModules } from '@onramp/runtime';
import { AccountsController } from './accounts/accounts.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { FailedAuthentications } from './auth/failed-authentications';
import { ChargingCardsController } from './charging-cards/charging-cards.controller';
import { ConsoleSessionController } from './console-session/console-session.controller';
import { CostCentersController } from './cost-centers/cost-centers.controller';
import { DocsController } from './docs/docs.controller';
import { DriversController } from './drivers/drivers.controller';
import { EmailSettingsController } from './email-settings/email-settings.controller';
import type { GatewayEnv } from './gateway-env';
import { InvitationsModule } from './invitations/invitations.module';
import { ImportsController } from './imports/imports.controller';
import { MeController } from './me/me.controller';
import { MembershipsController } from './memberships/memberships.controller';
import { MembershipsService } from './memberships/memberships.service';
import { NotificationsController } from './notifications/notifications.controller';
import { PostmarkWebhooksModule } from './postmark-webhooks/postmark-webhooks.module';
import { RolesController } from './roles/roles.controller';
import { TemplatePreviews } from './templates/template-previews';
import { TemplatesController } from './templates/templates.controller';
import { UserGroupsController } from './user-groups/user-groups.controller';
import { UsersController } from './users/users.controller';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules({ service: 'gateway', env }),
        InvitationsModule,
        PostmarkWebhooksModule,
        WebhooksModule,
      ],
      controllers: [
        AuthController,
        ConsoleSessionController,
        MeController,
        UsersController,
        MembershipsController,
        ApiKeysController,
        RolesController,
        AccountsController,
        CostCentersController,
        UserGroupsController,
        ChargingCardsController,
        DriversController,
        NotificationsController,
        EmailSettingsController,
        TemplatesController,
        ImportsController,
        DocsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        FailedAuthentications,
        MembershipsService,
        TemplatePreviews,
      ],
    };
  }
}
