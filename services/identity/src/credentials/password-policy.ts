import type { FieldViolation } from '@onramp/errors';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@onramp/user-rules';
import { isCommonPassword } from './common-passwords';

/**
 * `composition`: 8+ characters with upper, lower, digit and special, and not a common password.
 * `asvs`: OWASP ASVS 2.1, length and a breached-password check only, no composition rules.
 */
export const PASSWORD_POLICY_NAMES = ['composition', 'asvs'] as const;

export type PasswordPolicyName = (typeof PASSWORD_POLICY_NAMES)[number];

const compositionRules: readonly { pattern: RegExp; message: string }[] = [
  { pattern: /\p{Lu}/u, message: 'must contain an upper-case letter' },
  { pattern: /\p{Ll}/u, message: 'must contain a lower-case letter' },
  { pattern: /\p{Nd}/u, message: 'must contain a digit' },
  { pattern: /[^\p{L}\p{Nd}\s]/u, message: 'must contain a special character' },
];

/** Why a password is refused, as violations on `field`; empty when it is acceptable. */
export function passwordViolations(
  policy: PasswordPolicyName,
  password: string,
  field = 'password',
): FieldViolation[] {
  const messages: string[] = [];
  // Counted in code points, so that an emoji is one character as a person would count it.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    messages.push(`must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`);
  }
  if (policy === 'composition') {
    for (const rule of compositionRules) {
      if (!rule.pattern.test(password)) messages.push(rule.message);
    }
  }
  if (isCommonPassword(password)) {
    messages.push('is one of the most common passwords; choose another');
  }
  return messages.map((message) => ({ field, message }));
}
