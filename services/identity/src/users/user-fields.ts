import { membershipViolations, type MembershipShape } from '@onramp/authz';
import type { FieldViolation } from '@onramp/errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;

export const languages = ['en', 'nl', 'de', 'fr'] as const;
export type Language = (typeof languages)[number];

export const userStatuses = ['invited', 'active', 'deactivated', 'pending_approval'] as const;
export type UserStatus = (typeof userStatuses)[number];

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

export function isUserStatus(value: string): value is UserStatus {
  return (userStatuses as readonly string[]).includes(value);
}

/** Each membership checked against the role catalogue, named by its place in the list. */
export function membershipListViolations(
  memberships: readonly MembershipShape[],
): FieldViolation[] {
  return memberships.flatMap((membership, index) =>
    membershipViolations(membership).map(({ field, message }) => ({
      field: `memberships[${index}].${field}`,
      message,
    })),
  );
}
