import type { FieldViolation } from '@onramp/errors';

// What a person's email, name and language must be, wherever one is taken: identity's users,
// and invitations and registrations before identity sees them.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;

export const languages = ['en', 'nl', 'de', 'fr'] as const;
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
