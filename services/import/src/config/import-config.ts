import { z } from 'zod';

/** The import service's own variables (validated with the common ones at start). */
export const importConfig = z.object({
  /** Jobs validating or applying at once in the installation; more answer 429. */
  IMPORT_MAX_CONCURRENT_JOBS: z.coerce.number().int().min(1).max(100).default(2),
  /** Rows per bulk call and per checkpoint. */
  IMPORT_CHUNK_ROWS: z.coerce.number().int().min(1).max(1000).default(1000),
  /** How long a replica holds a job without renewing; another replica takes it over after. */
  IMPORT_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /**
   * How long a job waits for a service that stays unreachable or slow (retried with a growing
   * pause, from its checkpoint) before it fails.
   */
  IMPORT_RETRY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type ImportConfig = z.output<typeof importConfig>;
