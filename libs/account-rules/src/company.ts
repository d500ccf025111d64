import type { FieldViolation } from '@onramp/errors';
import { MAX_ACCOUNT_TEXT, MAX_COMPANY_NUMBER_LENGTH } from './account-rules';

/** The company details of an account (accounts.v1.Company). */
export interface CompanyDetails {
  legalName: string;
  registrationNumber: string;
  vatNumber: string;
}

/** Trimmed, as they are checked and stored. */
export function normaliseCompany(company: CompanyDetails): CompanyDetails {
  return {
    legalName: company.legalName.trim(),
    registrationNumber: company.registrationNumber.trim(),
    vatNumber: company.vatNumber.trim(),
  };
}

/**
 * A business account needs a legal name and a registration (chamber of commerce) or VAT number;
 * no part of any account's company details is longer than its bound (200 characters for the name,
 * 50 for the numbers). Checked on the trimmed values, with violations named as in the API
 * (`company.legalName`, ...).
 */
export function companyViolations(company: CompanyDetails, accountType: string): FieldViolation[] {
  const { legalName, registrationNumber, vatNumber } = normaliseCompany(company);
  const violations: FieldViolation[] = [];
  const parts: [string, string, number][] = [
    ['company.legalName', legalName, MAX_ACCOUNT_TEXT],
    ['company.registrationNumber', registrationNumber, MAX_COMPANY_NUMBER_LENGTH],
    ['company.vatNumber', vatNumber, MAX_COMPANY_NUMBER_LENGTH],
  ];
  for (const [field, value, max] of parts)
    if (value.length > max)
      violations.push({ field, message: `must be at most ${max} characters` });
  if (accountType === 'business') {
    if (legalName === '')
      violations.push({ field: 'company.legalName', message: 'a business account needs it' });
    if (registrationNumber === '' && vatNumber === '')
      violations.push({
        field: 'company.registrationNumber',
        message: 'a business account needs a registration number or a VAT number',
      });
  }
  return violations;
}
