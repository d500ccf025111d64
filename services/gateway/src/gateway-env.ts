import path from 'node:path';
import { serviceEnv } from '@onramp/config';
import { z } from 'zod';
import { postmarkWebhookEnv } from './postmark-webhooks/postmark-webhook-env';

const perMinute = z.coerce.number().int().min(1).max(1_000_000);

/**
 * The console's build in this checkout or image: this file runs from services/gateway/dist (or
 * src, under the tests), beside services/console/dist.
 */
export const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '../../console/dist');

/**
 * The gateway's variables: those of every service, its rate limits, the Postmark webhook's, the
 * console it serves.
 */
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
  /** Serve the operator console at /console; off, /console answers 404. */
  CONSOLE_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** The console's built files (index.html and assets/); a relative path is from the working directory. */
  CONSOLE_DIR: z
    .string()
    .min(1)
    .default(DEFAULT_CONSOLE_DIR)
    .transform((folder) => path.resolve(folder)),
});

export type GatewayEnv = z.output<typeof gatewayEnv>;
