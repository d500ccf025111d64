import { Body, Controller } from '@nestjs/common';
import { notifications, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { ZodBodyPipe } from '../http/zod.pipes';
import { toEmailProviderJson } from '../mappers/email-settings.mappers';
import { Endpoint } from '../openapi/operation';
import { emailSettingsOperations as api } from './email-settings.operations';
import {
  putEmailProviderBody,
  type EmailProviderResponse,
  type PutEmailProviderBody,
} from './email-settings.schemas';

const method = notifications.NotificationsService.method;

@Controller()
export class EmailSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.getEmailProvider)
  async get(@CurrentCaller() caller: common.Caller): Promise<EmailProviderResponse> {
    const { settings } = await this.rpc.call(method.getEmailProviderSettings, { caller });
    return toEmailProviderJson(settings);
  }

  @Endpoint(api.putEmailProvider)
  async put(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(putEmailProviderBody)) body: PutEmailProviderBody,
  ): Promise<EmailProviderResponse> {
    const { settings } = await this.rpc.call(method.putEmailProviderSettings, { ...body, caller });
    return toEmailProviderJson(settings);
  }

  @Endpoint(api.deleteEmailProvider)
  async delete(@CurrentCaller() caller: common.Caller): Promise<void> {
    await this.rpc.call(method.deleteEmailProviderSettings, { caller });
  }
}
