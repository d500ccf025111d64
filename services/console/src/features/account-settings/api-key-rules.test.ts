import { describe, expect, it } from 'vitest';
import { keyNameProblem, keyPermissionChoices, keyPermissionsProblem } from './api-key-rules';

describe('the API key form rules', () => {
  it('needs a name of 1 to 100 characters once trimmed', () => {
    expect(keyNameProblem('Fleet sync')).toBeUndefined();
    expect(keyNameProblem('x'.repeat(100))).toBeUndefined();
    expect(keyNameProblem('   ')).toBe('nameInvalid');
    expect(keyNameProblem('x'.repeat(101))).toBe('nameInvalid');
  });

  it('needs at least one permission', () => {
    expect(keyPermissionsProblem([])).toBe('permissionsRequired');
    expect(keyPermissionsProblem(['drivers.read'])).toBeUndefined();
  });

  it('offers the account roles’ permissions that the creator holds, each once', () => {
    const roles = [
      { permissions: ['sessions.read_own'] },
      { permissions: ['drivers.read', 'drivers.manage', 'sessions.read_own'] },
    ];
    const held = new Set(['drivers.read', 'sessions.read_own', 'templates.manage']);
    expect(keyPermissionChoices(roles, (permission) => held.has(permission))).toEqual([
      'sessions.read_own',
      'drivers.read',
    ]);
  });
});
