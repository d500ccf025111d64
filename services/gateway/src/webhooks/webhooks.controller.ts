import { Body, Controller, Param, Query } from '@nestjs/common';
import { notifications, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { Endpoint } from '../openapi/operation';
import { toWebhookDeliveryJson, toWebhookJson } from './webhooks.mappers';
import { webhooksOperations as api } from './webhooks.operations';
import {
  createWebhookBody,
  listWebhookDeliveriesQuery,
  listWebhooksQuery,
  type CreatedWebhookResponse,
  type CreateWebhookBody,
  type EventTypeListResponse,
  type ListWebhookDeliveriesQuery,
  type ListWebhooksQuery,
  type WebhookDeliveryPageResponse,
  type WebhookPageResponse,
  type WebhookResponse,
} from './webhooks.schemas';

const method = notifications.WebhooksService.method;

@Controller()
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.eventTypes)
  async eventTypes(@CurrentCaller() caller: common.Caller): Promise<EventTypeListResponse> {
    const { eventTypes } = await this.rpc.call(method.listWebhookEventTypes, { caller });
    return { items: eventTypes.map(({ name, description }) => ({ name, description })) };
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listWebhooksQuery)) query: ListWebhooksQuery,
  ): Promise<WebhookPageResponse> {
    const page = await this.rpc.call(method.listWebhooks, { ...query, caller });
    return { items: page.webhooks.map(toWebhookJson), nextCursor: page.nextCursor ?? null };
  }

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(createWebhookBody)) body: CreateWebhookBody,
  ): Promise<CreatedWebhookResponse> {
    const { webhook, secret } = await this.rpc.call(method.createWebhook, {
      caller,
      accountId: body.accountId,
      url: body.url,
      eventTypes: body.eventTypes,
      description: body.description ?? '',
    });
    return { webhook: toWebhookJson(webhook), secret };
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
  ): Promise<WebhookResponse> {
    const { webhook } = await this.rpc.call(method.getWebhook, { caller, webhookId: id });
    return toWebhookJson(webhook);
  }

  @Endpoint(api.deliveries)
  async deliveries(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
    @Query(new ZodQueryPipe(listWebhookDeliveriesQuery)) query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryPageResponse> {
    const page = await this.rpc.call(method.listWebhookDeliveries, {
      ...query,
      caller,
      webhookId: id,
    });
    return {
      items: page.deliveries.map(toWebhookDeliveryJson),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Endpoint(api.enable)
  async enable(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
  ): Promise<WebhookResponse> {
    const { webhook } = await this.rpc.call(method.enableWebhook, { caller, webhookId: id });
    return toWebhookJson(webhook);
  }

  @Endpoint(api.delete)
  async delete(
    @CurrentCaller() caller: common.Caller,
    @Param(new ZodParamsPipe(idParams)) { id }: { id: string },
  ): Promise<void> {
    await this.rpc.call(method.deleteWebhook, { caller, webhookId: id });
  }
}
