import { z } from 'zod';

/** A count or duration of at least 1, `fallback` when unset. */
export const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

/** The partner webhooks' variables (part of the notifications service's configuration). */
export const webhooksConfig = z.object({
  // Off in production: a partner's URL resolving to a loopback, private (RFC 1918, ULA),
  // link-local, shared (CGNAT), reserved, multicast or cloud metadata address is refused when it is
  // registered and again before every delivery. Tests and local setups turn it on.
  WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: flag,
  // Off in production: destinations must be https://.
  WEBHOOK_ALLOW_HTTP: flag,
  /** The longest one delivery may take, connecting included; slower counts as a failed attempt. */
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000),
  /** Attempts of one delivery before it ends failed (retried on network errors, timeouts, non-2xx). */
  WEBHOOK_MAX_ATTEMPTS: positiveInt(12),
  /** The first backoff; each further one doubles (with jitter), up to an hour. */
  WEBHOOK_RETRY_BASE_MS: positiveInt(10_000),
  /** Deliveries one replica makes at once. */
  WEBHOOK_CONCURRENCY: positiveInt(8),
  /** An endpoint is disabled when this many deliveries in a row ended failed… */
  WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: positiveInt(20),
  /** …or when its attempts have kept failing, without one success, for this long. */
  WEBHOOK_DISABLE_AFTER_FAILING_SECONDS: positiveInt(24 * 60 * 60),
  /** Delivered and failed deliveries (and the events they carried) are kept this long. */
  WEBHOOK_LOG_RETENTION_DAYS: positiveInt(30),
});

export type WebhooksConfig = z.output<typeof webhooksConfig>;
