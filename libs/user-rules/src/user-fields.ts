import type { FieldViolation } from '@onramp/errors';

// What a person's email, name and language must be, wherever one is taken: identity's users,
// and invitations and registrations before identity sees them.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;

/**
 * The bounds of a password being set, in code points (as JSON Schema's `maxLength` counts): long
 * enough for passphrases, short enough that hashing cannot be used to exhaust memory. The rest of
 * the password policy (composition, common passwords) is identity's.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/** The longest password a login is read with: more than any password set, never unbounded. */
export const MAX_LOGIN_PASSWORD_LENGTH = 1024;

export const languages = ['en', 'nl', 'de', 'fr'] as const;

/** A person's gender, where one is kept (users, account contacts); never given is no value. */
export const genders = ['female', 'male'] as const;
export type Gender = (typeof genders)[number];

/** The id of a person in the system they were imported from (unique per installation). */
export const MAX_EXTERNAL_ID_LENGTH = 200;
export type Language = (typeof languages)[number];

/** Emails compare case-insensitively: they are stored trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailViolations(email: string): FieldViolation[] {
  return EMAIL.test(email) && email.length <= MAX_EMAIL_LENGTH
    ? []
    : [{ field: 'email', message: 'must be an email address' }];
}

export function nameViolations(name: string): FieldViolation[] {
  return name.length > 0 && name.length <= MAX_NAME_LENGTH
    ? []
    : [{ field: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` }];
}

export function languageViolations(language: string): FieldViolation[] {
  return (languages as readonly string[]).includes(language)
    ? []
    : [{ field: 'language', message: `must be one of ${languages.join(', ')}` }];
}

export function isGender(value: string): value is Gender {
  return (genders as readonly string[]).includes(value);
}

export function genderViolations(gender: string): FieldViolation[] {
  return isGender(gender)
    ? []
    : [{ field: 'gender', message: `must be one of ${genders.join(', ')}` }];
}

export function externalIdViolations(externalId: string): FieldViolation[] {
  return externalId.length > 0 && externalId.length <= MAX_EXTERNAL_ID_LENGTH
    ? []
    : [{ field: 'externalId', message: `must be 1 to ${MAX_EXTERNAL_ID_LENGTH} characters` }];
}
