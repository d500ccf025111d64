import { z } from 'zod';
import { page, pageQueryFields, timestamp } from '../http/common.schemas';

export const deliveryStatuses = ['queued', 'sent', 'failed', 'not_sent', 'bounced'] as const;

export const listDeliveriesQuery = z.strictObject({
  to: z.string().min(1).max(254).optional().describe('Only emails to this address (any case)'),
  status: z.enum(deliveryStatuses).optional(),
  ...pageQueryFields,
});

/** A delivery record: never the message body, nor any token it carried. */
export const deliveryResponse = z.object({
  id: z.string(),
  recipient: z.string(),
  template: z.string().describe('The kind of email, e.g. password-reset'),
  language: z.string(),
  sourceEvent: z.string().describe('The subject of the event that asked for the email'),
  status: z.string().describe(deliveryStatuses.join(', ')),
  attempts: z.number().int(),
  providerMessageId: z.string().nullable().describe('Set once the provider accepted the email'),
  lastError: z
    .string()
    .nullable()
    .describe('Why the last attempt failed or the email was not sent'),
  createdAt: timestamp().nullable(),
  sentAt: timestamp().nullable(),
  reference: z
    .string()
    .nullable()
    .describe('What the email is about, e.g. invitation:<id>; null for emails about the recipient'),
});

export const deliveryPageResponse = page(deliveryResponse);

export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;
export type DeliveryResponse = z.output<typeof deliveryResponse>;
export type DeliveryPageResponse = z.output<typeof deliveryPageResponse>;
