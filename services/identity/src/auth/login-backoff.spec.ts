import { secondsUntilNextAttempt } from './login-backoff';

const policy = { freeFailures: 5, maxDelaySeconds: 900 };
const now = new Date('2026-11-23T12:00:00Z');
const failedSecondsAgo = (failures: number, seconds: number) => ({
  failures,
  lastFailureAt: new Date(now.getTime() - seconds * 1000),
});

describe('login back-off', () => {
  it('lets the free failures through without waiting', () => {
    expect(secondsUntilNextAttempt(null, policy, now)).toBe(0);
    expect(secondsUntilNextAttempt(failedSecondsAgo(4, 0), policy, now)).toBe(0);
  });

  it('doubles the wait with each failure past the free ones', () => {
    expect(secondsUntilNextAttempt(failedSecondsAgo(5, 0), policy, now)).toBe(1);
    expect(secondsUntilNextAttempt(failedSecondsAgo(6, 0), policy, now)).toBe(2);
    expect(secondsUntilNextAttempt(failedSecondsAgo(9, 3), policy, now)).toBe(13);
  });

  it('never waits longer than the ceiling, so nobody is locked out for good', () => {
    expect(secondsUntilNextAttempt(failedSecondsAgo(5_000, 0), policy, now)).toBe(900);
    expect(secondsUntilNextAttempt(failedSecondsAgo(5_000, 900), policy, now)).toBe(0);
  });
});
