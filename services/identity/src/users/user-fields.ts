import { membershipViolations, type MembershipShape } from '@onramp/authz';
import type { FieldViolation } from '@onramp/errors';

// A person's email, name and language follow the rules shared with invitations.
export {
  emailViolations,
  externalIdViolations,
  genderViolations,
  languages,
  languageViolations,
  nameViolations,
  normaliseEmail,
  type Language,
} from '@onramp/user-rules';

export const userStatuses = ['invited', 'active', 'deactivated', 'pending_approval'] as const;
export type UserStatus = (typeof userStatuses)[number];

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
