import type { notifications } from '@onramp/contracts';
import type { DeliveryResponse } from '../notifications/notifications.schemas';
import { isoOrNull, nonEmptyOrNull } from './proto-values';

// The notifications service's messages become the public JSON here and only here.

export function toDeliveryJson(delivery: notifications.Delivery): DeliveryResponse {
  return {
    id: delivery.id,
    recipient: delivery.recipient,
    template: delivery.template,
    language: delivery.language,
    sourceEvent: delivery.sourceEvent,
    status: delivery.status,
    attempts: delivery.attempts,
    providerMessageId: nonEmptyOrNull(delivery.providerMessageId),
    lastError: nonEmptyOrNull(delivery.lastError),
    createdAt: isoOrNull(delivery.createdAt),
    sentAt: isoOrNull(delivery.sentAt),
  };
}
