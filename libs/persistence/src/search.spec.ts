import { DomainError } from '@onramp/errors';
import { containsText, likeLiteral, searchText } from './search';

describe('search text', () => {
  it('escapes the LIKE wildcards and the escape character, nothing else', () => {
    expect(likeLiteral('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(likeLiteral('Fleet Ops')).toBe('Fleet Ops');
  });

  it('trims the search, treats a blank one as none and refuses one past 200 characters', () => {
    expect(searchText('  Depot ')).toBe('Depot');
    expect(searchText('   ')).toBeUndefined();
    expect(searchText(undefined)).toBeUndefined();
    expect(searchText('x'.repeat(200))).toBe('x'.repeat(200));
    expect(() => searchText('x'.repeat(201))).toThrow(DomainError);
  });

  it('matches case-insensitively and literally', () => {
    expect(containsText('a_b')).toEqual({ contains: 'a\\_b', mode: 'insensitive' });
  });
});
