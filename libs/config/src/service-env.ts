import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Which proxies may set X-Forwarded-For, so client IPs (rate limits, login records) are real behind
 * an ingress: `false` (default), `true`, a hop count, or comma-separated addresses/CIDRs.
 */
const trustProxy = z
  .string()
  .regex(
    /^(true|false|\d+|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/,
    'must be true, false, a hop count or addresses',
  )
  .default('false')
  .transform((value): boolean | number | string => {
    if (value === 'true' || value === 'false') return value === 'true';
    return /^\d+$/.test(value) ? Number(value) : value;
  });

/**
 * Where links sent to people point (the gateway's public address, e.g. https://ev.example.com),
 * without a trailing slash.
 */
export const publicUrl = z
  .url({ protocol: /^https?$/ })
  .default('http://127.0.0.1:8080')
  .transform((value) => value.replace(/\/+$/, ''));

/** Variables every Onramp process reads: where to listen, where NATS is, how to log. */
export const serviceEnv = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port,
  NATS_URL: z.string().regex(/^(nats|tls):\/\/\S+$/, 'must be a nats:// or tls:// URL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Copies JetStream keeps of the event streams and upload bucket it creates (NATS cluster size). */
  JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  TRUST_PROXY: trustProxy,
});

export type ServiceEnv = z.output<typeof serviceEnv>;

/**
 * Variables of a process that owns a Postgres schema, and so runs event consumers: how often a
 * failing event is attempted and how long one may keep asking to wait before it is dead-lettered.
 */
export const databaseEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// URL'),
  EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  EVENT_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  EVENT_MAX_WAIT_HOURS: z.coerce
    .number()
    .min(0.001)
    .max(24 * 30)
    .default(24),
});

export type DatabaseEnv = z.output<typeof databaseEnv>;

/** Injection token of a process's validated environment (provided by @onramp/runtime). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
