import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Longest wait for a connection to Postgres, new or from the pool. node-postgres waits for ever
 * by default, so a request made while the database is out of reach would hang until the caller's
 * RPC timeout (5 s by default); failing just before it answers 503 with a reason instead. Not
 * much shorter: on a busy machine a new connection or a free one from the pool can take seconds,
 * and the request would then succeed.
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 4_000;

/**
 * Prisma's Rust-free client talks to Postgres through node-postgres. The pool replaces
 * connections the server dropped by itself, so a service rides out a database restart.
 */
export function createPgAdapter(databaseUrl: string, maxConnections = 10): PrismaPg {
  return new PrismaPg({
    connectionString: databaseUrl,
    max: maxConnections,
    connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
  });
}
