/**
 * The rules the customer invitation forms check before sending, so the user sees them at once;
 * the API checks them again, and its answer is shown when it refuses anyway. Each returns the key
 * of the text that explains the problem, or undefined when the value is fine.
 */
import type { paths } from '../../api/schema.gen';
import { emailProblem } from '../system-users/invitee-rules';

type InvitationBody =
  paths['/v1/invitations']['post']['requestBody']['content']['application/json'];
export type ClientInvitation = Extract<InvitationBody, { kind: 'account_owner' }>;
export type EndUserInvitation = Extract<InvitationBody, { kind: 'end_user' }>;
export type EndUserRole = EndUserInvitation['role'];
export type AccountType = EndUserInvitation['accountType'];

export const endUserRoles: readonly EndUserRole[] = ['driver', 'account_owner'];
export const accountTypes: readonly AccountType[] = ['business', 'consumer'];

/** As the API's account names: easy to reference, at most 200 characters. */
const MAX_ACCOUNT_NAME = 200;
/** At most two digits, then at most four decimals: no sign, no exponent, no comma. */
const RATE = /^\d{1,2}(\.\d{1,4})?$/;
const MAX_RATE = 10;

export { emailProblem };

export function accountProblem(accountId: string | null): 'accountRequired' | undefined {
  return accountId === null || accountId === '' ? 'accountRequired' : undefined;
}

export function accountNameProblem(name: string): 'accountNameRequired' | undefined {
  const length = name.trim().length;
  return length === 0 || length > MAX_ACCOUNT_NAME ? 'accountNameRequired' : undefined;
}

/** A client is invited as the owner of their account: the one role the form offers is ticked. */
export function ownerRoleProblem(roles: readonly string[]): 'ownerRoleRequired' | undefined {
  return roles.includes('account_owner') ? undefined : 'ownerRoleRequired';
}

export function isEndUserRole(role: string): role is EndUserRole {
  return (endUserRoles as readonly string[]).includes(role);
}

export function isAccountType(type: string): type is AccountType {
  return (accountTypes as readonly string[]).includes(type);
}

export function endUserRoleProblem(role: string): 'roleRequired' | undefined {
  return isEndUserRole(role) ? undefined : 'roleRequired';
}

export function accountTypeProblem(type: string): 'accountTypeRequired' | undefined {
  return isAccountType(type) ? undefined : 'accountTypeRequired';
}

/**
 * A reimbursement rate in EUR per kWh, from 0 to 10 with at most four decimals; empty is none.
 * It stays text from the keyboard to the API and is compared digit by digit, so "0.3125" is
 * never rounded through a float on the way.
 */
export function rateProblem(text: string): 'rateFormat' | undefined {
  const rate = text.trim();
  if (rate === '') return undefined;
  if (!RATE.test(rate)) return 'rateFormat';
  const [whole = '', fraction = ''] = rate.split('.');
  const units = Number(whole);
  return units < MAX_RATE || (units === MAX_RATE && /^0*$/.test(fraction))
    ? undefined
    : 'rateFormat';
}

export interface EndUserValues {
  email: string;
  accountName: string;
  role: string;
  accountType: string;
  accountId: string | null;
  rate: string;
}

/**
 * The invitation the end-user form sends, once its rules passed: the rate goes as the digits
 * typed (only surrounding spaces dropped), left out when none was given.
 */
export function endUserInvitation(values: EndUserValues): EndUserInvitation {
  if (!isEndUserRole(values.role) || !isAccountType(values.accountType) || !values.accountId)
    throw new Error('the end-user form was sent before its rules passed');
  const rate = values.rate.trim();
  return {
    kind: 'end_user',
    email: values.email.trim(),
    accountId: values.accountId,
    accountName: values.accountName.trim(),
    role: values.role,
    accountType: values.accountType,
    reimbursementRateEurPerKwh: rate === '' ? undefined : rate,
  };
}
