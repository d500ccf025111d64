import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';
import { WebhookEndpointsService } from './webhook-endpoints.service';

const methods = notifications.WebhooksService.method;

/** The NATS face of partner webhooks. */
@Injectable()
export class WebhooksRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly webhooks: WebhookEndpointsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.listWebhookEventTypes, (request) =>
      Promise.resolve({ eventTypes: this.webhooks.eventTypes(requireCaller(request.caller)) }),
    );
    this.rpc.handle(methods.listWebhooks, async (request) => {
      const { items, nextCursor } = await this.webhooks.list(
        requireCaller(request.caller),
        request,
      );
      return { webhooks: items.map(webhookMessage), nextCursor };
    });
    this.rpc.handle(methods.createWebhook, async (request) => {
      const { endpoint, secret } = await this.webhooks.create(requireCaller(request.caller), {
        accountId: request.accountId,
        url: request.url,
        eventTypes: request.eventTypes,
        description: request.description,
      });
      return { webhook: webhookMessage(endpoint), secret };
    });
    this.rpc.handle(methods.getWebhook, async (request) => ({
      webhook: webhookMessage(
        await this.webhooks.get(requireCaller(request.caller), request.webhookId),
      ),
    }));
    this.rpc.handle(methods.deleteWebhook, async (request) => {
      await this.webhooks.delete(requireCaller(request.caller), request.webhookId);
      return {};
    });
    this.rpc.handle(methods.enableWebhook, async (request) => ({
      webhook: webhookMessage(
        await this.webhooks.enable(requireCaller(request.caller), request.webhookId),
      ),
    }));
    this.rpc.handle(methods.listWebhookDeliveries, async (request) => {
      const { items, nextCursor } = await this.webhooks.deliveryLog(
        requireCaller(request.caller),
        request.webhookId,
        request,
      );
      return { deliveries: items.map(deliveryMessage), nextCursor };
    });
  }
}

const timestampOrAbsent = (date: Date | null) =>
  date === null ? undefined : timestampFromDate(date);

/** Never the sealed secret. */
function webhookMessage(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    accountId: endpoint.accountId ?? '',
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason ?? '',
    disabledAt: timestampOrAbsent(endpoint.disabledAt),
    consecutiveFailures: endpoint.consecutiveFailures,
    failingSince: timestampOrAbsent(endpoint.failingSince),
    createdAt: timestampFromDate(endpoint.createdAt),
    createdBy: endpoint.createdBy,
  };
}

function deliveryMessage(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    webhookId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus ?? 0,
    lastError: delivery.lastError ?? '',
    createdAt: timestampFromDate(delivery.createdAt),
    lastAttemptAt: timestampOrAbsent(delivery.lastAttemptAt),
    nextAttemptAt:
      delivery.status === 'pending' ? timestampOrAbsent(delivery.nextAttemptAt) : undefined,
    deliveredAt: timestampOrAbsent(delivery.deliveredAt),
  };
}
