import {
  ACCOUNT_LANGUAGES,
  ACCOUNT_TYPES,
  canonicalReimbursementRate,
  FEATURE_FLAG,
  MAX_COMPANY_NUMBER_LENGTH,
  MAX_FEATURE_FLAGS,
  MAX_PHONE_LENGTH,
  MAX_POSTAL_CODE_LENGTH,
  RELATIONS,
} from '@onramp/account-rules';
import {
  booleanColumn,
  genderColumn,
  listColumn,
  textColumn,
  type Column,
  type CellValue,
} from './column';

/** The legacy system's ids, kept on the account (and on the user) as external ids. */
export const MAX_EXTERNAL_ID_LENGTH = 200;

/**
 * The reimbursement rate as written: an exact decimal, never read through a float; stored in
 * its canonical spelling (four decimals), which is also what exports write.
 */
const reimbursementRate: Column<string> = {
  header: 'reimbursementRate',
  required: false,
  example: '0.3125',
  parse(cell) {
    const rate = canonicalReimbursementRate(cell);
    return rate === undefined
      ? { problem: 'must be a decimal from 0 to 10 with at most four decimals, e.g. 0.3125' }
      : { value: rate };
  },
  format: (value) => value,
};

/**
 * The columns of an accounts file: the fields of POST /v1/accounts with dotted headers for
 * nested ones, the legacy id, and the parent by Onramp id or by the legacy id of an account that
 * exists or comes earlier in the same file.
 */
export const accountColumns: readonly Column<CellValue>[] = [
  textColumn('externalId', { example: 'LEGACY-1001', maxLength: MAX_EXTERNAL_ID_LENGTH }),
  textColumn('parent', { example: '', maxLength: MAX_EXTERNAL_ID_LENGTH }),
  textColumn('relation', { oneOf: RELATIONS }),
  textColumn('name', { required: true, example: 'Acme Charging B.V.' }),
  textColumn('type', { required: true, example: 'business', oneOf: ACCOUNT_TYPES }),
  textColumn('company.legalName', { example: 'Acme Charging B.V.' }),
  textColumn('company.registrationNumber', {
    example: '12345678',
    maxLength: MAX_COMPANY_NUMBER_LENGTH,
  }),
  textColumn('company.vatNumber', {
    example: 'NL123456789B01',
    maxLength: MAX_COMPANY_NUMBER_LENGTH,
  }),
  textColumn('billing.line1', { example: 'Stationsplein 1' }),
  textColumn('billing.line2'),
  textColumn('billing.postalCode', { example: '1012 AB', maxLength: MAX_POSTAL_CODE_LENGTH }),
  textColumn('billing.city', { example: 'Amsterdam' }),
  textColumn('billing.country', { example: 'NL', maxLength: 2 }),
  textColumn('contact.name', { example: 'Jane Doe' }),
  textColumn('contact.phone', { example: '+31201234567', maxLength: MAX_PHONE_LENGTH }),
  textColumn('contact.email', { example: 'jane@acme.example', maxLength: 254 }),
  genderColumn('contact.gender'),
  textColumn('language', { example: 'nl', oneOf: ACCOUNT_LANGUAGES }),
  textColumn('plan', { example: '' }),
  listColumn('featureFlags', {
    example: 'smart-charging,roaming',
    maxItems: MAX_FEATURE_FLAGS,
    item: (flag) =>
      FEATURE_FLAG.test(flag)
        ? undefined
        : 'is not a feature flag (letters, digits, "_", "." and "-", at most 64)',
  }),
  textColumn('paymentReference', { example: 'SEPA-0001' }),
  reimbursementRate,
  booleanColumn('stationIssueEmails', 'true'),
  textColumn('licence', { example: 'compact', oneOf: ['compact', 'pro'] }),
  textColumn('level', { oneOf: ['enterprise', 'company', 'location'] }),
];
