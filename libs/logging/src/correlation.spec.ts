import { currentCorrelationId, newCorrelationId, withCorrelationId } from './correlation';

describe('correlation id', () => {
  it('keeps a well-formed id supplied by the caller', () => {
    expect(newCorrelationId('req-42.a:b')).toBe('req-42.a:b');
    expect(newCorrelationId(['first', 'second'])).toBe('first');
  });

  it('replaces a missing or unsafe id with a fresh UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(newCorrelationId(undefined)).toMatch(uuid);
    expect(newCorrelationId('line\nbreak')).toMatch(uuid);
    expect(newCorrelationId('x'.repeat(200))).toMatch(uuid);
  });

  it('is visible to asynchronous work started inside its scope only', async () => {
    const seen = await withCorrelationId('abc', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('abc');
    expect(currentCorrelationId()).toBeUndefined();
  });
});
