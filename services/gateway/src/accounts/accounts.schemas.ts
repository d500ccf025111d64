import {
  ACCOUNT_LANGUAGES,
  ACCOUNT_TYPES,
  CONTACT_GENDERS,
  FEATURE_FLAG,
  isReimbursementRate,
  MAX_ACCOUNT_TEXT,
  MAX_COMPANY_NUMBER_LENGTH,
  MAX_FEATURE_FLAGS,
  MAX_PHONE_LENGTH,
  MAX_POSTAL_CODE_LENGTH,
  MAX_RATE_EUR_PER_KWH,
  REIMBURSEMENT_RATE,
  RELATIONS,
} from '@onramp/account-rules';
import { z } from 'zod';
import { emailAddress, id, page, pageQueryFields, timestamp } from '../http/common.schemas';

export const accountTypes = ACCOUNT_TYPES;
export const relations = RELATIONS;
export const licences = ['compact', 'pro'] as const;
export const levels = ['enterprise', 'company', 'location'] as const;
export const accountStatuses = ['active', 'suspended'] as const;

const text = (max: number) => z.string().min(1).max(max);

const name = text(MAX_ACCOUNT_TEXT).describe(
  'Easy to reference and searchable; unique among siblings',
);
const type = z.enum(accountTypes).describe('A business account needs company details');
const parentId = id().describe('The parent account of a sub-account');
const relation = z
  .enum(relations)
  .describe('Of a sub-account: employee (automated reimbursement) or subsidiary (manual)');
const language = z.enum(ACCOUNT_LANGUAGES).describe("Language of the account's emails");
const plan = text(MAX_ACCOUNT_TEXT).describe('Unlocks features');
const featureFlags = z
  .array(z.string().regex(FEATURE_FLAG, 'must be a flag name, e.g. smart-charging'))
  .max(MAX_FEATURE_FLAGS);
const paymentReference = text(MAX_ACCOUNT_TEXT).describe(
  'A reference to the payment arrangement; never card data',
);
export const reimbursementRate = z
  .string()
  .regex(REIMBURSEMENT_RATE, 'must be a decimal with at most four decimals, e.g. "0.3125"')
  .refine(isReimbursementRate, `must be at most ${MAX_RATE_EUR_PER_KWH}`)
  .describe(`EUR per kWh for private charging, 0 to ${MAX_RATE_EUR_PER_KWH}, as a decimal string`);
/** A rate as every answer spells it, whichever spelling was sent. */
export const reimbursementRateAnswer = z
  .string()
  .nullable()
  .describe(
    'EUR per kWh, always with four decimals as stored ("0.2150" whether "0.215" or "0.2150" was sent), so equal rates are equal strings; null for none',
  );
const stationIssueEmails = z
  .boolean()
  .describe('Automatic emails about issues of the charging stations');
const licence = z
  .enum(licences)
  .describe('compact: every station; pro: drivers charge where their user groups allow');
const level = z.enum(levels).describe('Where the operator uses an admin hierarchy');

export const companyBody = z.strictObject({
  legalName: text(MAX_ACCOUNT_TEXT),
  registrationNumber: text(MAX_COMPANY_NUMBER_LENGTH)
    .optional()
    .describe('Chamber of commerce number'),
  vatNumber: text(MAX_COMPANY_NUMBER_LENGTH).optional(),
});

export const addressBody = z.strictObject({
  line1: text(MAX_ACCOUNT_TEXT),
  line2: text(MAX_ACCOUNT_TEXT).optional(),
  postalCode: text(MAX_POSTAL_CODE_LENGTH),
  city: text(MAX_ACCOUNT_TEXT),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case')
    .describe('ISO 3166-1 alpha-2, e.g. NL'),
});

export const contactBody = z.strictObject({
  name: text(MAX_ACCOUNT_TEXT),
  phone: text(MAX_PHONE_LENGTH).optional(),
  email: emailAddress().max(MAX_ACCOUNT_TEXT).optional(),
  gender: z.enum(CONTACT_GENDERS).optional(),
});

export const createAccountBody = z
  .strictObject({
    name,
    type,
    parentId: parentId.optional(),
    relation: relation.optional().describe('Required for a sub-account, refused otherwise'),
    company: companyBody.optional(),
    billingAddress: addressBody.optional(),
    contact: contactBody.optional(),
    language: language.optional().describe("Language of the account's emails; en by default"),
    plan: plan.optional(),
    featureFlags: featureFlags.optional(),
    paymentReference: paymentReference.optional(),
    reimbursementRateEurPerKwh: reimbursementRate.optional(),
    stationIssueEmails: stationIssueEmails.optional(),
    licence: licence.optional().describe('compact by default'),
    level: level.optional(),
  })
  .refine((body) => (body.parentId === undefined) === (body.relation === undefined), {
    message: 'a sub-account needs a relation, and only a sub-account has one',
    path: ['relation'],
  });

/** Only the fields given change; null clears a field that may be empty. */
export const updateAccountBody = z.strictObject({
  parentId: parentId
    .nullable()
    .optional()
    .describe('Moves the account and its subtree under this account; null makes it top-level'),
  relation: relation.optional(),
  name: name.optional(),
  type: type.optional(),
  company: companyBody.optional().describe('Replaces the company details as a whole'),
  billingAddress: addressBody.optional().describe('Replaces the billing address as a whole'),
  contact: contactBody.optional().describe('Replaces the contact as a whole'),
  language: language.optional(),
  plan: plan.nullable().optional(),
  featureFlags: featureFlags.optional().describe('Replaces the list'),
  paymentReference: paymentReference.nullable().optional(),
  reimbursementRateEurPerKwh: reimbursementRate.nullable().optional(),
  stationIssueEmails: stationIssueEmails.optional(),
  licence: licence.optional(),
  status: z.enum(accountStatuses).optional(),
  level: level.nullable().optional(),
});

export const listAccountsQuery = z.strictObject({
  q: text(MAX_ACCOUNT_TEXT).optional().describe('Matched against the name'),
  parentId: id().optional().describe('Only the direct sub-accounts of this account'),
  ...pageQueryFields,
});

export const accountResponse = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  relation: z.string().nullable().describe(relations.join(', ')),
  name: z.string(),
  type: z.string().describe(accountTypes.join(', ')),
  company: z
    .object({
      legalName: z.string(),
      registrationNumber: z.string().nullable(),
      vatNumber: z.string().nullable(),
    })
    .nullable(),
  billingAddress: z
    .object({
      line1: z.string(),
      line2: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
    })
    .nullable(),
  contact: z
    .object({
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      gender: z
        .string()
        .nullable()
        .describe(`${CONTACT_GENDERS.join(', ')}; null when never given`),
    })
    .nullable(),
  language: z.string(),
  plan: z.string().nullable().describe("One of the installation's plans (ACCOUNT_PLANS)"),
  featureFlags: z.array(z.string()).describe('Granted to this account on top of its plan'),
  effectiveFeatureFlags: z
    .array(z.string())
    .describe("What the account may use: its plan's flags and featureFlags, sorted"),
  paymentReference: z.string().nullable(),
  reimbursementRateEurPerKwh: reimbursementRateAnswer,
  stationIssueEmails: z.boolean(),
  licence: z.string().describe(licences.join(', ')),
  status: z.string().describe(accountStatuses.join(', ')),
  level: z.string().nullable().describe(levels.join(', ')),
  depth: z.number().int().describe('0 for a top-level account'),
  externalId: z
    .string()
    .nullable()
    .describe('Its id in the system it was imported from (unique); null for none. Read-only'),
  createdAt: timestamp().nullable(),
  updatedAt: timestamp().nullable(),
});

export const accountPageResponse = page(accountResponse);

export type CreateAccountBody = z.output<typeof createAccountBody>;
export type UpdateAccountBody = z.output<typeof updateAccountBody>;
export type ListAccountsQuery = z.output<typeof listAccountsQuery>;
export type AccountResponse = z.output<typeof accountResponse>;
export type AccountPageResponse = z.output<typeof accountPageResponse>;
