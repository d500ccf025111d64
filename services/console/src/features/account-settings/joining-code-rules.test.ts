import { describe, expect, it } from 'vitest';
import { joiningCodeBody, maxUsesProblem, validDaysProblem } from './joining-code-rules';

describe('the joining code form rules', () => {
  it.each([1, 25, 100_000, '', '  ', '40'])('take %j as the most uses', (value) => {
    expect(maxUsesProblem(value)).toBeUndefined();
  });

  it.each([0, -1, 2.5, 100_001, 'many', '1e9'])('refuse %j as the most uses', (value) => {
    expect(maxUsesProblem(value)).toBe('maxUsesInvalid');
  });

  it.each([1, 30, 365, '7'])('take %j days of validity', (value) => {
    expect(validDaysProblem(value)).toBeUndefined();
  });

  it.each([0, 366, 1.5, '', 'week'])('refuse %j days of validity', (value) => {
    expect(validDaysProblem(value)).toBe('validDaysInvalid');
  });

  it('sends no limit when none is typed, and numbers as numbers', () => {
    expect(joiningCodeBody({ role: 'driver', maxUses: '', validDays: 30 })).toEqual({
      role: 'driver',
      validDays: 30,
    });
    expect(joiningCodeBody({ role: 'account_admin', maxUses: '25', validDays: '7' })).toEqual({
      role: 'account_admin',
      maxUses: 25,
      validDays: 7,
    });
  });
});
