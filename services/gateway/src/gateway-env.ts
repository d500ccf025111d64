import { serviceEnv } from '@onramp/config';
import { z } from 'zod';
import { postmarkWebhookEnv } from './postmark-webhooks/postmark-webhook-env';

const perMinute = z.coerce.number().int().min(1).max(1_000_000);

/** The gateway's variables: those of every service, its rate limits, the Postmark webhook's. */
export const gatewayEnv = serviceEnv.extend({
  ...postmarkWebhookEnv.shape,
  /** Per client IP, per route, on the credential-guessing routes (login, refresh, resets). */
  RATE_LIMIT_AUTH_PER_MINUTE: perMinute.default(10),
  /** Per credential (or per IP for anonymous requests) on every other route. */
  RATE_LIMIT_PER_MINUTE: perMinute.default(600),
  /** Per client IP: refused credentials before that address must wait (guessing tokens or keys). */
  FAILED_AUTH_PER_MINUTE: perMinute.default(30),
  /** The largest import file taken (bytes); a larger one is refused with 413, nothing kept. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .default(200 * 1024 * 1024),
});

export type GatewayEnv = z.output<typeof gatewayEnv>;
