import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

it('doubles the delay per failed attempt, jittered to between half and all of it', () => {
  for (const [attempt, full] of [
    [1, 1_000],
    [2, 2_000],
    [5, 16_000],
  ]) {
    const delays = Array.from({ length: 200 }, () => backoffDelay(attempt, policy));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(full / 2);
    expect(Math.max(...delays)).toBeLessThanOrEqual(full);
    // Jitter: retries that failed together do not all come back at once.
    expect(new Set(delays).size).toBeGreaterThan(1);
  }
});

it('never waits longer than the cap, however many attempts failed', () => {
  expect(backoffDelay(40, policy)).toBeLessThanOrEqual(60_000);
  expect(backoffDelay(40, policy)).toBeGreaterThanOrEqual(30_000);
});
