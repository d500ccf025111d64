import {
  emailViolations,
  externalIdViolations,
  genderViolations,
  languageViolations,
  nameViolations,
  normaliseEmail,
} from './user-fields';

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

  it('takes "female" and "male" as genders and external ids of 1 to 200 characters', () => {
    expect(genderViolations('female')).toEqual([]);
    expect(genderViolations('male')).toEqual([]);
    expect(genderViolations('Female')).toEqual([
      { field: 'gender', message: 'must be one of female, male' },
    ]);
    expect(externalIdViolations('legacy-42')).toEqual([]);
    expect(externalIdViolations('')).toHaveLength(1);
    expect(externalIdViolations('x'.repeat(201))).toEqual([
      { field: 'externalId', message: 'must be 1 to 200 characters' },
    ]);
  });
});
