import type { FieldViolation } from '@onramp/errors';

export const ACCOUNT_TYPES = ['business', 'consumer'] as const;
export const RELATIONS = ['employee', 'subsidiary'] as const;
export const ACCOUNT_LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
/** A contact's gender when given (an account's contact has "" until someone gives it). */
export const CONTACT_GENDERS = ['female', 'male'] as const;
/** Eight levels: a top-level account has depth 0, so a sub-account's parent is at most depth 6. */
export const MAX_ACCOUNT_DEPTH = 7;
/** The longest name or other free-text field of an account (the shorter ones are below). */
export const MAX_ACCOUNT_TEXT = 200;
/** A company's registration (chamber of commerce) or VAT number. */
export const MAX_COMPANY_NUMBER_LENGTH = 50;
export const MAX_POSTAL_CODE_LENGTH = 20;
export const MAX_PHONE_LENGTH = 50;

/** Feature flags granted on top of a plan: at most this many names, each like "smart-charging". */
export const MAX_FEATURE_FLAGS = 100;
export const FEATURE_FLAG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Digits, then at most four decimals; no sign, no exponent (never parsed through a float). */
export const REIMBURSEMENT_RATE = /^\d{1,2}(\.\d{1,4})?$/;
export const MAX_RATE_EUR_PER_KWH = 10;
const RATE_DECIMALS = 4;

export const RATE_VIOLATION: FieldViolation = {
  field: 'reimbursementRateEurPerKwh',
  message: 'must be a decimal from 0 to 10 with at most 4 decimals, e.g. "0.3125"',
};

/** A violation on `field` unless `value` is one of `allowed`. */
export function oneOfViolations(
  field: string,
  value: string,
  allowed: readonly string[],
): FieldViolation[] {
  return allowed.includes(value)
    ? []
    : [{ field, message: `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}` }];
}

/** An account's name, trimmed: 1 to 200 characters. Uniqueness among siblings is checked apart. */
export function accountNameViolations(name: string): FieldViolation[] {
  const length = name.trim().length;
  return length === 0 || length > MAX_ACCOUNT_TEXT
    ? [{ field: 'name', message: `must be 1 to ${MAX_ACCOUNT_TEXT} characters` }]
    : [];
}

/** A sub-account is an employee or a subsidiary of its parent; a top-level account is neither. */
export function relationViolations(relation: string | null, hasParent: boolean): FieldViolation[] {
  if (!hasParent)
    return relation === null || relation === ''
      ? []
      : [{ field: 'relation', message: 'only a sub-account has a relation' }];
  if (relation === null || relation === '')
    return [{ field: 'relation', message: 'a sub-account needs "employee" or "subsidiary"' }];
  return oneOfViolations('relation', relation, RELATIONS);
}

/**
 * Whether `text` (trimmed, not empty) is a reimbursement rate in EUR per kWh: at most two digits
 * before the point and four after, from 0 to 10, compared digit by digit rather than as a float.
 */
export function isReimbursementRate(text: string): boolean {
  if (!REIMBURSEMENT_RATE.test(text)) return false;
  const [whole, fraction = ''] = text.split('.');
  const units = Number(whole);
  return units < MAX_RATE_EUR_PER_KWH || (units === MAX_RATE_EUR_PER_KWH && /^0*$/.test(fraction));
}

/** A rate as text: empty for none, otherwise a rate as `isReimbursementRate` says. */
export function reimbursementRateViolations(text: string): FieldViolation[] {
  return canonicalReimbursementRate(text) === undefined ? [RATE_VIOLATION] : [];
}

/**
 * A rate in its one spelling, the one every answer and event uses: no leading zeros and exactly
 * four decimals, the precision it is stored with ("0.215" and "0.2150" are "0.2150", "10" is
 * "10.0000"), so equal rates are equal strings. Empty for none; undefined when `text` is no rate.
 */
export function canonicalReimbursementRate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (!isReimbursementRate(trimmed)) return undefined;
  const [whole = '', fraction = ''] = trimmed.split('.');
  return `${Number(whole)}.${fraction.padEnd(RATE_DECIMALS, '0')}`;
}
