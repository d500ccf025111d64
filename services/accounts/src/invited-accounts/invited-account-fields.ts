import type { invitations } from '@onramp/contracts';
import { isUuid } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import {
  accountViolations,
  normaliseAccount,
  parseRate,
  RATE_VIOLATION,
  type AccountFields,
} from '../accounts/account-fields';

/** The account an accepted invitation asks for, checked at the boundary. */
export interface InvitedAccount {
  id: string;
  parentId: string;
  byUserId: string;
  fields: AccountFields;
}

/**
 * The new account of an InvitationAccepted as accounts would store it, or why it cannot be: the
 * rules are those of any account (invitations applied them when inviting and accepting), except
 * that a business account needs no billing address yet.
 */
export function invitedAccountOf(
  newAccount: invitations.NewAccount,
): { account: InvitedAccount } | { violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  for (const [field, id] of [
    ['accountId', newAccount.accountId],
    ['parentId', newAccount.parentId],
  ] as const)
    if (!isUuid(id)) violations.push({ field, message: 'must be a UUID' });
  const fields = normaliseAccount({
    relation: newAccount.relation,
    name: newAccount.name,
    type: newAccount.type,
    companyLegalName: newAccount.company?.legalName ?? '',
    companyRegistrationNumber: newAccount.company?.registrationNumber ?? '',
    companyVatNumber: newAccount.company?.vatNumber ?? '',
    billingLine1: '',
    billingLine2: '',
    billingPostalCode: '',
    billingCity: '',
    billingCountry: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    language: newAccount.language === '' ? 'en' : newAccount.language,
    plan: '',
    featureFlags: [],
    paymentReference: '',
    reimbursementRate: null,
    stationIssueEmails: false,
    licence: 'compact',
    status: 'active',
    level: '',
  });
  violations.push(...accountViolations(fields, true, false));
  const rate = parseRate(newAccount.reimbursementRateEurPerKwh);
  if (rate === undefined) violations.push(RATE_VIOLATION);
  else fields.reimbursementRate = rate;
  if (violations.length > 0) return { violations };
  return {
    account: {
      id: newAccount.accountId.toLowerCase(),
      parentId: newAccount.parentId.toLowerCase(),
      byUserId: newAccount.byUserId,
      fields,
    },
  };
}
