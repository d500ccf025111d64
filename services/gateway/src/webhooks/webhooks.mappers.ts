import type { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { answered, isoOrNull, nonEmptyOrNull } from '../mappers/proto-values';
import {
  webhookDeliveryStatuses,
  type WebhookDeliveryResponse,
  type WebhookResponse,
} from './webhooks.schemas';

// The notifications service's webhook messages become the public JSON here and only here.

export function toWebhookJson(answer: notifications.Webhook | undefined): WebhookResponse {
  const webhook = answered('notifications', answer, 'a webhook');
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

export function toWebhookDeliveryJson(
  delivery: notifications.WebhookDelivery,
): WebhookDeliveryResponse {
  const status = webhookDeliveryStatuses.find((known) => known === delivery.status);
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
