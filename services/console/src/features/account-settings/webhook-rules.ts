/**
 * The rules of the webhook form, checked before sending; the API checks them again (and only it
 * knows where an address may lead). Each problem is the key of the text that explains it.
 */
import type { NewWebhook } from './webhooks.api';

/** As the API bounds them. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
export const MAX_WEBHOOK_EVENT_TYPES = 50;

export function webhookUrlProblem(typed: string): 'urlInvalid' | undefined {
  const url = typed.trim();
  if (url.length === 0 || url.length > MAX_WEBHOOK_URL_LENGTH || !URL.canParse(url))
    return 'urlInvalid';
  const { protocol, hostname } = new URL(url);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== ''
    ? undefined
    : 'urlInvalid';
}

export function eventTypesProblem(chosen: readonly string[]): 'eventTypesRequired' | undefined {
  return chosen.length > 0 && chosen.length <= MAX_WEBHOOK_EVENT_TYPES
    ? undefined
    : 'eventTypesRequired';
}

export function descriptionProblem(description: string): 'descriptionTooLong' | undefined {
  return description.trim().length > MAX_WEBHOOK_DESCRIPTION_LENGTH
    ? 'descriptionTooLong'
    : undefined;
}

export interface WebhookValues {
  url: string;
  description: string;
  eventTypes: string[];
}

export function webhookBody(values: WebhookValues): Omit<NewWebhook, 'accountId'> {
  return {
    url: values.url.trim(),
    eventTypes: values.eventTypes,
    description: values.description.trim() === '' ? undefined : values.description.trim(),
  };
}
