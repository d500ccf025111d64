import { z } from 'zod';
import { tokenAlgorithms } from './tokens';

/** The baseline server's environment, validated once at start (see launch.ts for who sets it). */
export const baselineConfig = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535),
  DATABASE_URL: z.url(),
  SMTP_URL: z.url(),
  JWT_ALGORITHM: z.enum(tokenAlgorithms),
  /** A JWK: the shared secret (HS256) or the public key (ES256). */
  JWT_VERIFYING_KEY: z.string().min(1),
});

export type BaselineConfig = z.output<typeof baselineConfig>;
