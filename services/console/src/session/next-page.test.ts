import { describe, expect, it } from 'vitest';
import { nextPage } from './next-page';

describe('nextPage', () => {
  it('returns to the console page that was asked for, with its query', () => {
    expect(nextPage('/users/system?status=invited')).toBe('/users/system?status=invited');
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example', 'users', ''])(
    'refuses %j, which could lead away from the console',
    (asked) => {
      expect(nextPage(asked)).toBe('/');
    },
  );

  it('goes to the fallback when nothing was asked', () => {
    expect(nextPage(null, '/users/system')).toBe('/users/system');
  });
});
