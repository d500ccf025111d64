import { describe, expect, it } from 'vitest';
import { groupNameProblem, stationList, stationsProblem } from './group-rules';

describe('the cost center and user group form rules', () => {
  it.each(['Sales', '  Field team  ', 'x'.repeat(100)])('take %j as a name', (name) => {
    expect(groupNameProblem(name)).toBeUndefined();
  });

  it.each(['', '   ', 'x'.repeat(101)])('refuse %j as a name', (name) => {
    expect(groupNameProblem(name)).toBe('nameInvalid');
  });

  it('reads stations separated by commas, spaces or new lines, each once', () => {
    expect(stationList(' NL*TNM*E001, NL*TNM*E002\nNL*TNM*E001  depot-3 ')).toEqual([
      'NL*TNM*E001',
      'NL*TNM*E002',
      'depot-3',
    ]);
    expect(stationList('  ')).toEqual([]);
  });

  it('takes no stations, or up to 100 ids of printable characters', () => {
    expect(stationsProblem('')).toBeUndefined();
    expect(stationsProblem('NL*TNM*E001, depot-3')).toBeUndefined();
    const hundred = Array.from({ length: 100 }, (_, index) => `s${index}`).join(',');
    expect(stationsProblem(hundred)).toBeUndefined();
    expect(stationsProblem(`${hundred},s100`)).toBe('stationsInvalid');
    expect(stationsProblem('x'.repeat(65))).toBe('stationsInvalid');
    expect(stationsProblem('café-1')).toBe('stationsInvalid');
  });
});
