import type { FieldViolation } from '@onramp/errors';
import { Prisma } from '../generated/prisma/client';

export const ACCOUNT_TYPES = ['business', 'consumer'] as const;
export const RELATIONS = ['employee', 'subsidiary'] as const;
export const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export const LICENCES = ['compact', 'pro'] as const;
export const STATUSES = ['active', 'suspended'] as const;
export const LEVELS = ['', 'enterprise', 'company', 'location'] as const;
/** Eight levels: a top-level account has depth 0. */
export const MAX_DEPTH = 7;

const MAX_TEXT = 200;
const MAX_FLAGS = 100;
const FLAG = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits, then at most four decimals; no sign, no exponent (never parsed through a float).
const RATE = /^\d{1,2}(\.\d{1,4})?$/;
const MAX_RATE = new Prisma.Decimal(10);

/** The settable state of an account, as validated and stored. */
export interface AccountFields {
  relation: string | null;
  name: string;
  type: string;
  companyLegalName: string;
  companyRegistrationNumber: string;
  companyVatNumber: string;
  billingLine1: string;
  billingLine2: string;
  billingPostalCode: string;
  billingCity: string;
  billingCountry: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  language: string;
  plan: string;
  featureFlags: string[];
  paymentReference: string;
  reimbursementRate: Prisma.Decimal | null;
  stationIssueEmails: boolean;
  licence: string;
  status: string;
  level: string;
}

function oneOf(
  violations: FieldViolation[],
  field: string,
  value: string,
  allowed: readonly string[],
): void {
  if (!allowed.includes(value))
    violations.push({
      field,
      message: `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}`,
    });
}

/** Parses "0.3125" exactly; undefined when the text is not an allowed rate. */
export function parseRate(text: string): Prisma.Decimal | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!RATE.test(trimmed)) return undefined;
  const rate = new Prisma.Decimal(trimmed);
  return rate.greaterThan(MAX_RATE) ? undefined : rate;
}

/** Normalises the free-text parts (trim, upper-case country, de-duplicated flags). */
export function normaliseAccount(fields: AccountFields): AccountFields {
  return {
    ...fields,
    name: fields.name.trim(),
    companyLegalName: fields.companyLegalName.trim(),
    companyRegistrationNumber: fields.companyRegistrationNumber.trim(),
    companyVatNumber: fields.companyVatNumber.trim(),
    billingLine1: fields.billingLine1.trim(),
    billingLine2: fields.billingLine2.trim(),
    billingPostalCode: fields.billingPostalCode.trim(),
    billingCity: fields.billingCity.trim(),
    billingCountry: fields.billingCountry.trim().toUpperCase(),
    contactName: fields.contactName.trim(),
    contactPhone: fields.contactPhone.trim(),
    contactEmail: fields.contactEmail.trim(),
    plan: fields.plan.trim(),
    paymentReference: fields.paymentReference.trim(),
    featureFlags: [...new Set(fields.featureFlags.map((flag) => flag.trim()))].sort(),
  };
}

/** Every rule an account's state must satisfy, whether created or updated. */
export function accountViolations(fields: AccountFields, hasParent: boolean): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (fields.name.length === 0 || fields.name.length > MAX_TEXT)
    violations.push({ field: 'name', message: `must be 1 to ${MAX_TEXT} characters` });
  oneOf(violations, 'type', fields.type, ACCOUNT_TYPES);
  if (hasParent) {
    if (fields.relation === null || fields.relation === '')
      violations.push({
        field: 'relation',
        message: 'a sub-account needs "employee" or "subsidiary"',
      });
    else oneOf(violations, 'relation', fields.relation, RELATIONS);
  } else if (fields.relation !== null && fields.relation !== '') {
    violations.push({ field: 'relation', message: 'only a sub-account has a relation' });
  }
  oneOf(violations, 'language', fields.language, LANGUAGES);
  oneOf(violations, 'licence', fields.licence, LICENCES);
  oneOf(violations, 'status', fields.status, STATUSES);
  oneOf(violations, 'level', fields.level, LEVELS);
  const texts: [string, string][] = [
    ['company.legalName', fields.companyLegalName],
    ['company.registrationNumber', fields.companyRegistrationNumber],
    ['company.vatNumber', fields.companyVatNumber],
    ['billingAddress.line1', fields.billingLine1],
    ['billingAddress.line2', fields.billingLine2],
    ['billingAddress.postalCode', fields.billingPostalCode],
    ['billingAddress.city', fields.billingCity],
    ['contact.name', fields.contactName],
    ['contact.phone', fields.contactPhone],
    ['contact.email', fields.contactEmail],
    ['plan', fields.plan],
    ['paymentReference', fields.paymentReference],
  ];
  for (const [field, value] of texts)
    if (value.length > MAX_TEXT)
      violations.push({ field, message: `must be at most ${MAX_TEXT} characters` });
  if (fields.billingCountry !== '' && !COUNTRY.test(fields.billingCountry))
    violations.push({
      field: 'billingAddress.country',
      message: 'must be an ISO 3166-1 alpha-2 code',
    });
  if (fields.contactEmail !== '' && !EMAIL.test(fields.contactEmail))
    violations.push({ field: 'contact.email', message: 'must be an email address' });
  if (fields.featureFlags.length > MAX_FLAGS)
    violations.push({ field: 'featureFlags', message: `at most ${MAX_FLAGS} flags` });
  for (const flag of fields.featureFlags)
    if (!FLAG.test(flag))
      violations.push({
        field: 'featureFlags',
        message: `"${flag.slice(0, 64)}" is not a flag name`,
      });
  if (fields.type === 'business') {
    if (fields.companyLegalName === '')
      violations.push({ field: 'company.legalName', message: 'a business account needs it' });
    if (fields.companyRegistrationNumber === '' && fields.companyVatNumber === '')
      violations.push({
        field: 'company.registrationNumber',
        message: 'a business account needs a registration number or a VAT number',
      });
    const address: [string, string][] = [
      ['billingAddress.line1', fields.billingLine1],
      ['billingAddress.postalCode', fields.billingPostalCode],
      ['billingAddress.city', fields.billingCity],
      ['billingAddress.country', fields.billingCountry],
    ];
    for (const [field, value] of address)
      if (value === '') violations.push({ field, message: 'a business account needs it' });
  }
  return violations;
}

export const RATE_VIOLATION: FieldViolation = {
  field: 'reimbursementRateEurPerKwh',
  message: 'must be a decimal from 0 to 10 with at most 4 decimals, e.g. "0.3125"',
};
