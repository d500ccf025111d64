import { publicUrl } from '@onramp/config';
import { eventTokenConfig, sealingKey } from '@onramp/sealing';
import { z } from 'zod';
// positiveInt is exported by webhooks-config, which this file takes in, so the two import one way.
import { positiveInt, webhooksConfig } from '../webhooks/webhooks-config';

/** The notifications service's own variables (validated with the common ones at start). */
export const notificationsConfig = z.object({
  // `none` records every delivery as not_sent (provider_not_configured): nothing is dropped silently.
  // The default only: settings saved through PUT /v1/settings/email-provider win over it.
  EMAIL_PROVIDER: z.enum(['smtp', 'postmark', 'log', 'none']).default('none'),
  // Required when EMAIL_PROVIDER is smtp (checked by the email provider at start: only the
  // object's shape reaches the combined schema, so a refinement here would never run).
  // smtp:// (STARTTLS when offered) or smtps:// (implicit TLS); credentials in the URL.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  // Required when EMAIL_PROVIDER is postmark (checked at start, as SMTP_URL is).
  POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
  POSTMARK_MESSAGE_STREAM: z.string().min(1).optional(),
  // Tests point this at a fake Postmark on loopback.
  POSTMARK_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.postmarkapp.com'),
  // Encrypts the secrets of settings saved through the API (AES-256-GCM): base64url of 32 random
  // bytes (`openssl rand -base64 32 | tr '+/' '-_' | tr -d '='`). Needed only to save or use them.
  SETTINGS_ENCRYPTION_KEY: sealingKey.optional(),
  EMAIL_FROM: z.string().min(1).default('Onramp <no-reply@onramp.local>'),
  // Where links in emails point (the gateway's public address), without a trailing slash.
  PUBLIC_URL: publicUrl,
  EMAIL_MAX_ATTEMPTS: positiveInt(5),
  /** Emails one replica sends at once; each waits mostly on the SMTP server. */
  EMAIL_CONCURRENCY: positiveInt(8),
  EMAIL_RETRY_BASE_MS: positiveInt(1_000),
  // Emails per second through one provider, counted for the whole installation (every replica
  // shares one counter in the database); 0 means no limit. Above it a send waits for its turn.
  EMAIL_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(0),
  BRAND_NAME: z.string().min(1).default('Onramp'),
  BRAND_SUPPORT_EMAIL: z.email().optional(),
  // Shown at the top of every email instead of the name (https, e.g. a PNG of at most 200×50).
  BRAND_LOGO_URL: z.url({ protocol: /^https$/ }).optional(),
  // The accent of every email (header rule and links), as #rrggbb.
  BRAND_ACCENT_COLOUR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
    .default('#1f6feb'),
  // Opens the link tokens identity and invitations seal into their events (the same key as theirs).
  ...eventTokenConfig,
  // Partner webhooks (see webhooks-config.ts).
  ...webhooksConfig.shape,
});

export type NotificationsConfig = z.output<typeof notificationsConfig>;
