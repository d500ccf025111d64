import type { notifications } from '@onramp/contracts';
import type { DeliveryResponse } from '../notifications/notifications.schemas';
import type { TemplateResponse } from '../templates/templates.schemas';
import { answered, isoOrNull, nonEmptyOrNull } from './proto-values';

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
    reference: nonEmptyOrNull(delivery.reference),
  };
}

export function toTemplateJson(answer: notifications.Template | undefined): TemplateResponse {
  const template = answered('notifications', answer, 'a template');
  return {
    key: template.kind,
    language: template.language,
    source: template.source === 'override' ? 'override' : 'shipped',
    subject: template.subject,
    html: template.html,
    text: template.text,
    variables: template.variables,
    updatedAt: isoOrNull(template.updatedAt),
    updatedBy: nonEmptyOrNull(template.updatedBy),
  };
}
