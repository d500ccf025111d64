import type { MembershipShape } from '@onramp/authz';
import { membershipViolations } from '@onramp/authz';
import type { FieldViolation } from '@onramp/errors';
import { importedHashViolations } from '../credentials/imported-password-hashes';
import {
  emailViolations,
  externalIdViolations,
  genderViolations,
  languageViolations,
  nameViolations,
  normaliseEmail,
} from '../users/user-fields';

/** A row of an import as identity reads it (see identity.v1.ImportedUser). */
export interface ImportedUserInput {
  line: number;
  email: string;
  name: string;
  language: string;
  gender: string;
  externalId: string;
  migrated: boolean;
  passwordHash?: string;
  membership?: MembershipShape;
}

/** A row that passed the rules of a new user and of a membership. */
export interface ValidRow {
  line: number;
  email: string;
  name: string;
  language: string;
  /** "" when not given. */
  gender: string;
  /** null when not given. */
  externalId: string | null;
  migrated: boolean;
  passwordHash?: string;
  membership: MembershipShape;
}

export type CheckedRow =
  { valid: true; row: ValidRow } | { valid: false; violations: FieldViolation[] };

/**
 * The same rules as creating a user and granting a membership, named by the row's fields
 * (`membership.roles` …), plus what only imports bring: a gender, an external id, a legacy hash.
 */
export function checkImportedRow(input: ImportedUserInput): CheckedRow {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const language = input.language === '' ? 'en' : input.language;
  const externalId = input.externalId.trim();
  const passwordHash = input.passwordHash === '' ? undefined : input.passwordHash;
  const violations: FieldViolation[] = [
    ...emailViolations(email),
    ...nameViolations(name),
    ...languageViolations(language),
    ...(input.gender === '' ? [] : genderViolations(input.gender)),
    ...(externalId === '' ? [] : externalIdViolations(externalId)),
  ];
  if (passwordHash !== undefined) {
    violations.push(
      ...(input.migrated
        ? importedHashViolations(passwordHash)
        : [{ field: 'passwordHash', message: 'only a migrated user brings a password hash' }]),
    );
  }
  if (input.membership === undefined) {
    violations.push({ field: 'membership', message: 'is required' });
  } else {
    violations.push(
      ...membershipViolations(input.membership).map(({ field, message }) => ({
        field: `membership.${field}`,
        message,
      })),
    );
  }
  if (violations.length > 0 || input.membership === undefined) return { valid: false, violations };
  return {
    valid: true,
    row: {
      line: input.line,
      email,
      name,
      language,
      gender: input.gender,
      externalId: externalId === '' ? null : externalId,
      migrated: input.migrated,
      passwordHash,
      membership: {
        platform: input.membership.platform,
        accountIds: input.membership.accountIds.map((id) => id.toLowerCase()),
        roles: input.membership.roles,
        additionalPermissions: input.membership.additionalPermissions,
      },
    },
  };
}
