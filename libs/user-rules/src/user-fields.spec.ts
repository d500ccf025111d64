import { emailViolations, languageViolations, nameViolations, normaliseEmail } from './user-fields';

describe('user fields', () => {
  it('compares emails trimmed and in lower case', () => {
    expect(normaliseEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('refuses what is not an email address, and over-long ones', () => {
    expect(emailViolations('ada@example.com')).toEqual([]);
    for (const bad of ['', 'ada', 'ada@example', 'a da@example.com', `${'a'.repeat(250)}@x.io`])
      expect(emailViolations(bad)).toEqual([
        { field: 'email', message: 'must be an email address' },
      ]);
  });

  it('takes names of 1 to 200 characters and the four languages', () => {
    expect(nameViolations('Ada')).toEqual([]);
    expect(nameViolations('')).toHaveLength(1);
    expect(nameViolations('a'.repeat(201))).toHaveLength(1);
    expect(languageViolations('nl')).toEqual([]);
    expect(languageViolations('es')).toHaveLength(1);
  });
});
