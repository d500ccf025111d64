/**
 * Changing an account: the form starts from what the API answered, and only what the user
 * changed is sent, so a field someone else changed meanwhile is not overwritten with an old
 * value. Each problem is the key of the text that explains it.
 */
import { isLanguage } from '../../i18n/languages';
import { isAccountType } from '../customers/invite-rules';
import { given, isLevel, isLicence, optional, type AccountFormValues } from './account-rules';
import type { Account, AccountChanges } from './accounts.api';

type ContactGender = NonNullable<NonNullable<AccountChanges['contact']>['gender']>;
const contactGenders: readonly ContactGender[] = ['female', 'male'];
const isContactGender = (gender: string | null): gender is ContactGender =>
  (contactGenders as readonly (string | null)[]).includes(gender);

/** The account as the form shows it; a field the account lacks is empty. */
export function accountFormValues(account: Account): AccountFormValues {
  return {
    name: account.name,
    type: account.type,
    plan: account.plan ?? '',
    licence: account.licence,
    level: account.level ?? '',
    language: account.language,
    legalName: account.company?.legalName ?? '',
    registrationNumber: account.company?.registrationNumber ?? '',
    vatNumber: account.company?.vatNumber ?? '',
    contactName: account.contact?.name ?? '',
    contactPhone: account.contact?.phone ?? '',
    contactEmail: account.contact?.email ?? '',
    line1: account.billingAddress?.line1 ?? '',
    line2: account.billingAddress?.line2 ?? '',
    postalCode: account.billingAddress?.postalCode ?? '',
    city: account.billingAddress?.city ?? '',
    country: account.billingAddress?.country ?? '',
    paymentReference: account.paymentReference ?? '',
    rate: account.reimbursementRateEurPerKwh ?? '',
    stationIssueEmails: account.stationIssueEmails,
  };
}

/**
 * The API replaces a contact or billing address as a whole and cannot remove one: emptying
 * every field of one the account has is refused here rather than silently kept.
 */
export function removedContactProblem(
  account: Account,
  values: AccountFormValues,
): 'contactKept' | undefined {
  const anyGiven = [values.contactName, values.contactPhone, values.contactEmail].some(given);
  return account.contact !== null && !anyGiven ? 'contactKept' : undefined;
}

export function removedAddressProblem(
  account: Account,
  values: AccountFormValues,
): 'addressKept' | undefined {
  const parts = [values.line1, values.line2, values.postalCode, values.city, values.country];
  return account.billingAddress !== null && !parts.some(given) ? 'addressKept' : undefined;
}

/** Whether a part typed differs from the one stored, where the API's null is the form's absent. */
function differs<Part extends Record<string, string | undefined>>(
  typed: Part,
  stored: { [Key in keyof Part]: string | null } | null,
): boolean {
  if (stored === null) return true;
  return (Object.keys(typed) as (keyof Part)[]).some(
    (key) => typed[key] !== (stored[key] ?? undefined),
  );
}

/**
 * What the form changed, once its rules passed: only those fields, a field emptied as null
 * where the API clears it so, and the rate as the digits typed, never through a float.
 */
export function accountChanges(account: Account, values: AccountFormValues): AccountChanges {
  const changes: AccountChanges = {};
  const name = values.name.trim();
  if (name !== account.name) changes.name = name;
  if (isAccountType(values.type) && values.type !== account.type) changes.type = values.type;
  const plan = optional(values.plan) ?? null;
  if (plan !== account.plan) changes.plan = plan;
  if (isLicence(values.licence) && values.licence !== account.licence)
    changes.licence = values.licence;
  const level = isLevel(values.level) ? values.level : null;
  if (level !== account.level) changes.level = level;
  if (isLanguage(values.language) && values.language !== account.language)
    changes.language = values.language;

  // A consumer's form hides the company; whatever is stored of it stays.
  if (values.type === 'business') {
    const company = {
      legalName: values.legalName.trim(),
      registrationNumber: optional(values.registrationNumber),
      vatNumber: optional(values.vatNumber),
    };
    if (differs(company, account.company)) changes.company = company;
  }
  if (given(values.contactName)) {
    const contact = {
      name: values.contactName.trim(),
      phone: optional(values.contactPhone),
      email: optional(values.contactEmail),
    };
    // The form does not ask the gender; the contact is replaced whole, so the stored one goes too.
    const gender = account.contact?.gender ?? null;
    if (differs(contact, account.contact))
      changes.contact = { ...contact, gender: isContactGender(gender) ? gender : undefined };
  }
  if (given(values.line1)) {
    const billingAddress = {
      line1: values.line1.trim(),
      line2: optional(values.line2),
      postalCode: values.postalCode.trim(),
      city: values.city.trim(),
      country: values.country.trim(),
    };
    if (differs(billingAddress, account.billingAddress)) changes.billingAddress = billingAddress;
  }

  const paymentReference = optional(values.paymentReference) ?? null;
  if (paymentReference !== account.paymentReference) changes.paymentReference = paymentReference;
  const rate = optional(values.rate) ?? null;
  if (rate !== account.reimbursementRateEurPerKwh) changes.reimbursementRateEurPerKwh = rate;
  if (values.stationIssueEmails !== account.stationIssueEmails)
    changes.stationIssueEmails = values.stationIssueEmails;
  return changes;
}
