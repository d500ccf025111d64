import { describe, expect, it } from 'vitest';
import { emailProblem, rolesProblem } from './invitee-rules';

describe('the invitation form rules', () => {
  it.each(['ops@cpo.example', '  ops@cpo.example  ', 'a.b+c@sub.cpo.example'])(
    'take %j as an email',
    (email) => {
      expect(emailProblem(email)).toBeUndefined();
    },
  );

  it.each(['', '   ', 'ops', 'ops@', '@cpo.example', 'ops@cpo', 'o ps@cpo.example'])(
    'refuse %j as an email',
    (email) => {
      expect(emailProblem(email)).toBe('emailRequired');
    },
  );

  it('need at least one role', () => {
    expect(rolesProblem([])).toBe('rolesRequired');
    expect(rolesProblem(['support'])).toBeUndefined();
  });
});
