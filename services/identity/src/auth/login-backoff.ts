/** Consecutive failed logins for one email. */
export interface FailureRecord {
  failures: number;
  lastFailureAt: Date;
}

export interface BackoffPolicy {
  freeFailures: number;
  maxDelaySeconds: number;
}

/**
 * Seconds the next attempt must still wait: none for the first free failures, then a delay that
 * doubles with each further failure up to a ceiling. Guessing slows down exponentially, yet the
 * owner is never locked out for good (no denial of service by failing on purpose).
 */
export function secondsUntilNextAttempt(
  record: FailureRecord | null,
  policy: BackoffPolicy,
  now: Date,
): number {
  if (record === null || record.failures < policy.freeFailures) return 0;
  const delay = Math.min(2 ** (record.failures - policy.freeFailures), policy.maxDelaySeconds);
  const waitMs = record.lastFailureAt.getTime() + delay * 1000 - now.getTime();
  return Math.max(0, waitMs / 1000);
}
