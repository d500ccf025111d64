import { z } from 'zod';

/**
 * The HTTP basic credentials Postmark's webhook sends (Postmark signs nothing; its webhook settings
 * take a user and password). Both unset: the endpoint is off and answers 404.
 */
export const postmarkWebhookEnv = z.object({
  POSTMARK_WEBHOOK_USER: z
    .string()
    .regex(/^[^:\s]{1,200}$/, 'must be 1 to 200 characters, without spaces or ":"')
    .optional(),
  POSTMARK_WEBHOOK_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(200)
    .optional(),
});
