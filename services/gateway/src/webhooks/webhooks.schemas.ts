import { MAX_WEBHOOK_DESCRIPTION_LENGTH, MAX_WEBHOOK_URL_LENGTH } from '@onramp/notification-rules';
import { z } from 'zod';
import { id, page, pageQueryFields, timestamp } from '../http/common.schemas';

export const webhookStatuses = ['enabled', 'disabled'] as const;
export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;

/** How a partner checks a delivery; shown where the secret is, and in README.md. */
export const signatureDescription = [
  'Every delivery is a POST with a JSON body `{id, type, occurredAt, data}` and the headers',
  '`Onramp-Event-Id` (the body’s `id`, the same on every retry: deduplicate on it),',
  '`Onramp-Event-Type` and `Onramp-Signature: t=<unix seconds>,v1=<hex>`.',
  'To verify: compute HMAC-SHA256 keyed with the whole secret (UTF-8) over `<t>.<raw body>`,',
  'compare it with `v1` in constant time, and refuse a `t` more than 5 minutes from your clock',
  '(a captured delivery cannot be replayed later). Answer 2xx within 10 seconds; anything else',
  'is retried with exponential backoff.',
].join(' ');

export const listWebhooksQuery = z.strictObject({
  accountId: id().optional().describe('Only the endpoints of this account'),
  ...pageQueryFields,
});

/** Where webhooks may go and what they may carry is the notifications service's to check. */
export const createWebhookBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(MAX_WEBHOOK_URL_LENGTH)
    .describe(
      'https:// (http:// only where the installation allows it); refused when its host resolves to a loopback, private, link-local, shared (CGNAT), reserved, multicast or cloud metadata address',
    ),
  eventTypes: z
    .array(
      z
        .string()
        .max(64)
        .regex(/^[a-z]+(\.[a-z_]+)+$/, 'must be an event type, e.g. user.created'),
    )
    .min(1)
    .max(50)
    .describe('Names from GET /v1/webhooks/event-types'),
  description: z
    .string()
    .max(MAX_WEBHOOK_DESCRIPTION_LENGTH)
    .optional()
    .describe('Tells the owners their endpoints apart'),
  accountId: id()
    .optional()
    .describe(
      'The account whose events it receives (webhooks.manage on that account); left out, a platform endpoint receiving every event (webhooks.manage on the platform)',
    ),
});

export const webhookResponse = z.object({
  id: z.string(),
  accountId: z.string().nullable().describe('null for a platform endpoint'),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string(),
  status: z.enum(webhookStatuses),
  disabledReason: z
    .string()
    .nullable()
    .describe('Why it was disabled after persistent failure; POST …/enable turns it back on'),
  disabledAt: timestamp().nullable(),
  consecutiveFailures: z.number().int().describe('Deliveries in a row that ended failed'),
  failingSince: timestamp().nullable().describe('When the current run of failed attempts began'),
  createdAt: timestamp().nullable(),
  createdBy: z.string().describe('The user or API key that registered it'),
});

export const webhookPageResponse = page(webhookResponse);

export const createdWebhookResponse = z.object({
  webhook: webhookResponse,
  secret: z
    .string()
    .describe(`The signing secret: shown this once, never again. ${signatureDescription}`),
});

export const eventTypeListResponse = z.object({
  items: z.array(z.object({ name: z.string(), description: z.string() })),
});

export const listWebhookDeliveriesQuery = z.strictObject({
  status: z.enum(webhookDeliveryStatuses).optional(),
  ...pageQueryFields,
});

/** One event to one endpoint: never the payload, never the secret. */
export const webhookDeliveryResponse = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string().describe('The Onramp-Event-Id it was sent with'),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  responseStatus: z
    .number()
    .int()
    .nullable()
    .describe('The last answer’s HTTP status; null when none came (network error, timeout)'),
  lastError: z.string().nullable(),
  createdAt: timestamp().nullable(),
  lastAttemptAt: timestamp().nullable(),
  nextAttemptAt: timestamp().nullable().describe('While pending: when the next attempt is due'),
  deliveredAt: timestamp().nullable(),
});

export const webhookDeliveryPageResponse = page(webhookDeliveryResponse);

export type ListWebhooksQuery = z.output<typeof listWebhooksQuery>;
export type CreateWebhookBody = z.output<typeof createWebhookBody>;
export type WebhookResponse = z.output<typeof webhookResponse>;
export type WebhookPageResponse = z.output<typeof webhookPageResponse>;
export type CreatedWebhookResponse = z.output<typeof createdWebhookResponse>;
export type EventTypeListResponse = z.output<typeof eventTypeListResponse>;
export type ListWebhookDeliveriesQuery = z.output<typeof listWebhookDeliveriesQuery>;
export type WebhookDeliveryResponse = z.output<typeof webhookDeliveryResponse>;
export type WebhookDeliveryPageResponse = z.output<typeof webhookDeliveryPageResponse>;
