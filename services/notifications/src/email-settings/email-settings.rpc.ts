import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { EmailSettingsService, type EmailSettingsView } from './email-settings.service';

const methods = notifications.NotificationsService.method;

/** The NATS face of the email provider settings. */
@Injectable()
export class EmailSettingsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly settings: EmailSettingsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.getEmailProviderSettings, async (request) => ({
      settings: settingsMessage(await this.settings.get(requireCaller(request.caller))),
    }));
    this.rpc.handle(methods.putEmailProviderSettings, async (request) => ({
      settings: settingsMessage(await this.settings.put(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.deleteEmailProviderSettings, async (request) => {
      await this.settings.remove(requireCaller(request.caller));
      return {};
    });
    this.rpc.handle(methods.getEmailReadiness, () => this.settings.readiness());
  }
}

/** Whether a secret is set, never the secret. */
function settingsMessage(view: EmailSettingsView) {
  return {
    provider: view.provider,
    from: view.from,
    messageStream: view.messageStream ?? '',
    secretSet: view.secretSet,
    source: view.source,
    updatedAt: view.updatedAt === undefined ? undefined : timestampFromDate(view.updatedAt),
    updatedBy: view.updatedBy ?? '',
  };
}
