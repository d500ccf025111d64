import { PrismaPg } from '@prisma/adapter-pg';

/** Prisma's Rust-free client talks to Postgres through node-postgres. */
export function createPgAdapter(databaseUrl: string, maxConnections = 10): PrismaPg {
  return new PrismaPg({ connectionString: databaseUrl, max: maxConnections });
}
