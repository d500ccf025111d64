import type { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { isoOrNull, nonEmptyOrNull } from '../mappers/proto-values';
import type { WebhookDeliveryResponse, WebhookResponse } from './webhooks.schemas';

// The notifications service's webhook messages become the public JSON here and only here.

export function toWebhookJson(webhook: notifications.Webhook | undefined): WebhookResponse {
  if (webhook === undefined)
    throw new DomainError('internal', 'notifications answered without a webhook');
  return {
    id: webhook.id,
    accountId: nonEmptyOrNull(webhook.accountId),
    url: webhook.url,
    eventTypes: webhook.eventTypes,
    description: webhook.description,
    status: webhook.status === 'disabled' ? 'disabled' : 'enabled',
    disabledReason: nonEmptyOrNull(webhook.disabledReason),
    disabledAt: isoOrNull(webhook.disabledAt),
    consecutiveFailures: webhook.consecutiveFailures,
    failingSince: isoOrNull(webhook.failingSince),
    createdAt: isoOrNull(webhook.createdAt),
    createdBy: webhook.createdBy,
  };
}

const deliveryStatuses: Record<string, WebhookDeliveryResponse['status']> = {
  pending: 'pending',
  delivered: 'delivered',
  failed: 'failed',
};

export function toWebhookDeliveryJson(
  delivery: notifications.WebhookDelivery,
): WebhookDeliveryResponse {
  const status = deliveryStatuses[delivery.status];
  if (status === undefined)
    throw new DomainError('internal', `notifications answered a delivery "${delivery.status}"`);
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus === 0 ? null : delivery.responseStatus,
    lastError: nonEmptyOrNull(delivery.lastError),
    createdAt: isoOrNull(delivery.createdAt),
    lastAttemptAt: isoOrNull(delivery.lastAttemptAt),
    nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
    deliveredAt: isoOrNull(delivery.deliveredAt),
  };
}
