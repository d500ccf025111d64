import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The notifications service's own variables (validated with the common ones at start). */
export const notificationsConfig = z.object({
  // `none` records every delivery as not_sent (provider_not_configured): nothing is dropped silently.
  EMAIL_PROVIDER: z.enum(['smtp', 'log', 'none']).default('none'),
  // Required when EMAIL_PROVIDER is smtp (checked by the email provider at start: only the
  // object's shape reaches the combined schema, so a refinement here would never run).
  // smtp:// (STARTTLS when offered) or smtps:// (implicit TLS); credentials in the URL.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  EMAIL_FROM: z.string().min(1).default('Onramp <no-reply@onramp.local>'),
  // Where links in emails point (the gateway's public address), without a trailing slash.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((value) => value.replace(/\/+$/, '')),
  EMAIL_MAX_ATTEMPTS: positiveInt(5),
  /** Emails one replica sends at once; each waits mostly on the SMTP server. */
  EMAIL_CONCURRENCY: positiveInt(8),
  EMAIL_RETRY_BASE_MS: positiveInt(1_000),
  BRAND_NAME: z.string().min(1).default('Onramp'),
  BRAND_SUPPORT_EMAIL: z.email().optional(),
});

export type NotificationsConfig = z.output<typeof notificationsConfig>;
