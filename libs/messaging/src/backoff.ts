/**
 * How long to wait before attempt `attempt + 1` after `attempt` failed: the base delay doubled per
 * failed attempt, capped at `maxMs`, then jittered to between half and all of it, so retries of
 * many deliveries that failed together do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, policy: { baseMs: number; maxMs: number }): number {
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(attempt - 1, 0), policy.maxMs);
  return Math.round(exponential * (0.5 + Math.random() * 0.5));
}
