import {
  MAX_FROM_LENGTH,
  MAX_MESSAGE_STREAM_LENGTH,
  MAX_POSTMARK_TOKEN_LENGTH,
  MAX_SMTP_URL_LENGTH,
  MESSAGE_STREAM,
  POSTMARK_TOKEN,
  SMTP_URL,
} from '@onramp/notification-rules';
import { z } from 'zod';
import { timestamp } from '../http/common.schemas';

export const emailProviders = ['smtp', 'postmark', 'log', 'none'] as const;

/** Cross-field rules (which provider needs which secret) are the notifications service's. */
export const putEmailProviderBody = z.strictObject({
  provider: z.enum(emailProviders),
  smtpUrl: z
    .string()
    .max(MAX_SMTP_URL_LENGTH)
    .regex(SMTP_URL, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('smtp only; credentials included. Left out: the saved one is kept. Never returned'),
  postmarkServerToken: z
    .string()
    .max(MAX_POSTMARK_TOKEN_LENGTH)
    .regex(POSTMARK_TOKEN, 'must be a Postmark server token, without spaces')
    .optional()
    .describe('postmark only. Left out: the saved one is kept. Never returned'),
  from: z
    .string()
    .min(3)
    .max(MAX_FROM_LENGTH)
    .optional()
    .describe('"Name <address>" or an address; left out: the installation default'),
  messageStream: z
    .string()
    .max(MAX_MESSAGE_STREAM_LENGTH)
    .regex(MESSAGE_STREAM, 'a Postmark stream id: lower-case letters, digits, "-" and "_"')
    .optional()
    .describe('postmark only; default outbound'),
});

/** Whether a secret is set, never the secret. */
export const emailProviderResponse = z.object({
  provider: z.enum(emailProviders),
  from: z.string(),
  messageStream: z.string().nullable(),
  secretSet: z.boolean().describe('Whether the SMTP URL or Postmark server token is configured'),
  source: z
    .enum(['settings', 'environment'])
    .describe('settings: saved through this API; environment: nothing saved yet'),
  updatedAt: timestamp().nullable(),
  updatedBy: z.string().nullable(),
});

export type PutEmailProviderBody = z.output<typeof putEmailProviderBody>;
export type EmailProviderResponse = z.output<typeof emailProviderResponse>;
