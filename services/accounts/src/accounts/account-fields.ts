import {
  ACCOUNT_LANGUAGES,
  ACCOUNT_TYPES,
  accountNameViolations,
  CONTACT_GENDERS,
  companyViolations,
  FEATURE_FLAG,
  isReimbursementRate,
  MAX_ACCOUNT_TEXT,
  MAX_FEATURE_FLAGS,
  MAX_PHONE_LENGTH,
  MAX_POSTAL_CODE_LENGTH,
  oneOfViolations,
  relationViolations,
} from '@onramp/account-rules';
import type { FieldViolation } from '@onramp/errors';
import { Prisma } from '../generated/prisma/client';

export { MAX_ACCOUNT_DEPTH as MAX_DEPTH, RATE_VIOLATION } from '@onramp/account-rules';

export const LICENCES = ['compact', 'pro'] as const;
export const STATUSES = ['active', 'suspended'] as const;
export const LEVELS = ['', 'enterprise', 'company', 'location'] as const;

const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
  /** "female", "male", or "" when never given. */
  contactGender: string;
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

/** Parses "0.3125" exactly; undefined when the text is not an allowed rate. */
export function parseRate(text: string): Prisma.Decimal | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return isReimbursementRate(trimmed) ? new Prisma.Decimal(trimmed) : undefined;
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

/**
 * Every rule an account's state must satisfy, whether created or updated. The rules another
 * service must apply the same way (name, type, relation, company details) come from
 * @onramp/account-rules. `billingAddressRequired` is false only for an account created from an
 * accepted invitation: the invitee gives company details, an admin adds the address later.
 */
export function accountViolations(
  fields: AccountFields,
  hasParent: boolean,
  billingAddressRequired = true,
): FieldViolation[] {
  const violations: FieldViolation[] = [
    ...accountNameViolations(fields.name),
    ...oneOfViolations('type', fields.type, ACCOUNT_TYPES),
    ...relationViolations(fields.relation, hasParent),
    ...oneOfViolations('language', fields.language, ACCOUNT_LANGUAGES),
    ...(fields.contactGender === ''
      ? []
      : oneOfViolations('contact.gender', fields.contactGender, CONTACT_GENDERS)),
    ...oneOfViolations('licence', fields.licence, LICENCES),
    ...oneOfViolations('status', fields.status, STATUSES),
    ...oneOfViolations('level', fields.level, LEVELS),
    ...companyViolations(
      {
        legalName: fields.companyLegalName,
        registrationNumber: fields.companyRegistrationNumber,
        vatNumber: fields.companyVatNumber,
      },
      fields.type,
    ),
  ];
  const texts: [string, string, number][] = [
    ['billingAddress.line1', fields.billingLine1, MAX_ACCOUNT_TEXT],
    ['billingAddress.line2', fields.billingLine2, MAX_ACCOUNT_TEXT],
    ['billingAddress.postalCode', fields.billingPostalCode, MAX_POSTAL_CODE_LENGTH],
    ['billingAddress.city', fields.billingCity, MAX_ACCOUNT_TEXT],
    ['contact.name', fields.contactName, MAX_ACCOUNT_TEXT],
    ['contact.phone', fields.contactPhone, MAX_PHONE_LENGTH],
    ['contact.email', fields.contactEmail, MAX_ACCOUNT_TEXT],
    ['plan', fields.plan, MAX_ACCOUNT_TEXT],
    ['paymentReference', fields.paymentReference, MAX_ACCOUNT_TEXT],
  ];
  for (const [field, value, max] of texts)
    if (value.length > max)
      violations.push({ field, message: `must be at most ${max} characters` });
  if (fields.billingCountry !== '' && !COUNTRY.test(fields.billingCountry))
    violations.push({
      field: 'billingAddress.country',
      message: 'must be an ISO 3166-1 alpha-2 code',
    });
  if (fields.contactEmail !== '' && !EMAIL.test(fields.contactEmail))
    violations.push({ field: 'contact.email', message: 'must be an email address' });
  if (fields.featureFlags.length > MAX_FEATURE_FLAGS)
    violations.push({ field: 'featureFlags', message: `at most ${MAX_FEATURE_FLAGS} flags` });
  for (const flag of fields.featureFlags)
    if (!FEATURE_FLAG.test(flag))
      violations.push({
        field: 'featureFlags',
        message: `"${flag.slice(0, 64)}" is not a flag name`,
      });
  if (fields.type === 'business' && billingAddressRequired) {
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
