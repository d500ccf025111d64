import { isUniqueViolation } from '@onramp/persistence';
import { newCode } from './secrets';

const ATTEMPTS = 4;

/**
 * Runs `write` with a new readable code, and again with another one on the (unlikely) clash with a
 * code already stored under a unique constraint.
 */
export async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write(newCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
