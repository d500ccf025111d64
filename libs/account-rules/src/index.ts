export {
  ACCOUNT_LANGUAGES,
  ACCOUNT_TYPES,
  accountNameViolations,
  canonicalReimbursementRate,
  isReimbursementRate,
  MAX_ACCOUNT_DEPTH,
  MAX_ACCOUNT_TEXT,
  oneOfViolations,
  RATE_VIOLATION,
  reimbursementRateViolations,
  RELATIONS,
  relationViolations,
} from './account-rules';
export { companyViolations, normaliseCompany, type CompanyDetails } from './company';
