import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/** Variables every Onramp process reads: where to listen, where NATS is, how to log. */
export const serviceEnv = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port,
  NATS_URL: z.string().regex(/^(nats|tls):\/\/\S+$/, 'must be a nats:// or tls:// URL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
});

export type ServiceEnv = z.output<typeof serviceEnv>;

/** Variables of a process that owns a Postgres schema. */
export const databaseEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// URL'),
});

/** Injection token of a process's validated environment (provided by @onramp/runtime). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
