import { z } from 'zod';
import { timestamp } from '../http/common.schemas';

export const emailProviders = ['smtp', 'postmark', 'log', 'none'] as const;

/** Cross-field rules (which provider needs which secret) are the notifications service's. */
export const putEmailProviderBody = z.strictObject({
  provider: z.enum(emailProviders),
  smtpUrl: z
    .string()
    .max(2048)
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('smtp only; credentials included. Left out: the saved one is kept. Never returned'),
  postmarkServerToken: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .describe('postmark only. Left out: the saved one is kept. Never returned'),
  from: z
    .string()
    .min(3)
    .max(320)
    .optional()
    .describe('"Name <address>" or an address; left out: the installation default'),
  messageStream: z.string().min(1).max(100).optional().describe('postmark only; default outbound'),
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
