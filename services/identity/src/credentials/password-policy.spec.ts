import fc from 'fast-check';
import { passwordViolations, type PasswordPolicyName } from './password-policy';

// Random strings mixed with characters of each class, so that many candidates pass the policy.
const candidates = fc
  .array(
    fc.oneof(fc.constantFrom('a', 'Q', '7', '#', ' ', 'é', 'Ω'), fc.string({ maxLength: 2 })),
    {
      maxLength: 16,
    },
  )
  .map((parts) => parts.join(''));

const messages = (policy: PasswordPolicyName, password: string) =>
  passwordViolations(policy, password).map((violation) => violation.message);

describe('password policy "composition" (the default)', () => {
  it('accepts 8+ characters with upper, lower, digit and special', () => {
    expect(passwordViolations('composition', 'Charge-2-Go')).toEqual([]);
  });

  it('names every missing class on the password field', () => {
    expect(passwordViolations('composition', 'aaaaaaaaaaaaq')).toEqual([
      { field: 'password', message: 'must contain an upper-case letter' },
      { field: 'password', message: 'must contain a digit' },
      { field: 'password', message: 'must contain a special character' },
    ]);
  });

  it('refuses passwords shorter than 8 or longer than 128 characters', () => {
    expect(messages('composition', 'Ab1!xyz')).toContain('must be 8 to 128 characters long');
    expect(messages('composition', `Ab1!${'x'.repeat(125)}`)).toContain(
      'must be 8 to 128 characters long',
    );
  });

  it('refuses a common password even when it has every class', () => {
    expect(messages('composition', 'P@ssw0rd')).toContain(
      'is one of the most common passwords; choose another',
    );
  });

  it('accepts only strings that have each class and at least 8 characters', () => {
    fc.assert(
      fc.property(candidates, (password) => {
        fc.pre(passwordViolations('composition', password).length === 0);
        expect([...password].length).toBeGreaterThanOrEqual(8);
        expect(password).toMatch(/\p{Lu}/u);
        expect(password).toMatch(/\p{Ll}/u);
        expect(password).toMatch(/\p{Nd}/u);
        expect(password).toMatch(/[^\p{L}\p{Nd}\s]/u);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('password policy "asvs"', () => {
  it('has no composition rules', () => {
    expect(passwordViolations('asvs', 'correct horse battery staple')).toEqual([]);
  });

  it('still refuses short and common passwords, case-insensitively', () => {
    expect(messages('asvs', 'xq7#zk')).toEqual(['must be 8 to 128 characters long']);
    expect(messages('asvs', 'PASSWORD1')).toEqual([
      'is one of the most common passwords; choose another',
    ]);
  });

  it('reports violations on the field it is asked about', () => {
    expect(passwordViolations('asvs', 'short', 'newPassword')[0]?.field).toBe('newPassword');
  });
});
