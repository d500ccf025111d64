/**
 * The rules the account forms check before sending, so the user sees them at once; the API
 * checks them again, and its answer is shown when it refuses anyway. Each problem is the key of
 * the text that explains it.
 */
import { isLanguage, type Language } from '../../i18n/languages';
import { accountNameProblem, isAccountType, rateProblem } from '../customers/invite-rules';
import { emailProblem } from '../system-users/invitee-rules';
import type { AccountUserInvitation, NewAccount, SubAccountInvitation } from './accounts.api';

export const relations = ['employee', 'subsidiary'] as const;
export const licences = ['compact', 'pro'] as const;
export const levels = ['enterprise', 'company', 'location'] as const;
type Relation = (typeof relations)[number];
type Licence = (typeof licences)[number];
type Level = (typeof levels)[number];

const isOneOf =
  <Value extends string>(values: readonly Value[]) =>
  (value: string): value is Value =>
    (values as readonly string[]).includes(value);
export const isRelation = isOneOf(relations);
export const isLicence = isOneOf(licences);
export const isLevel = isOneOf(levels);

export { accountNameProblem, emailProblem, rateProblem };

const COUNTRY = /^[A-Z]{2}$/;

/** The account form as typed, for a new account and for changing one alike. */
export interface AccountFormValues {
  name: string;
  type: string;
  plan: string;
  licence: string;
  level: string;
  language: string;
  legalName: string;
  registrationNumber: string;
  vatNumber: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  paymentReference: string;
  rate: string;
  stationIssueEmails: boolean;
}

export const blankAccount: AccountFormValues = {
  name: '',
  type: '',
  plan: '',
  licence: 'compact',
  level: '',
  language: 'en',
  legalName: '',
  registrationNumber: '',
  vatNumber: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  country: '',
  paymentReference: '',
  rate: '',
  stationIssueEmails: true,
};

/** Whether the user typed something in a field. */
export const given = (text: string) => text.trim() !== '';

export function accountTypeProblem(type: string): 'typeRequired' | undefined {
  return isAccountType(type) ? undefined : 'typeRequired';
}

/** A business account is a company: its legal name is asked. */
export function legalNameProblem(values: AccountFormValues): 'legalNameRequired' | undefined {
  return values.type === 'business' && !given(values.legalName) ? 'legalNameRequired' : undefined;
}

/** A contact is a person: once any contact field is given, their name is too. */
export function contactNameProblem(values: AccountFormValues): 'contactNameRequired' | undefined {
  const any = [values.contactName, values.contactPhone, values.contactEmail].some(given);
  return any && !given(values.contactName) ? 'contactNameRequired' : undefined;
}

export function contactEmailProblem(email: string): 'emailRequired' | undefined {
  return given(email) ? emailProblem(email) : undefined;
}

/**
 * A billing address is whole (street, postal code, city and a two-letter country) or absent;
 * a business is billed, so it needs one.
 */
export function addressProblem(
  values: AccountFormValues,
): 'addressRequired' | 'addressIncomplete' | 'countryFormat' | undefined {
  const parts = [values.line1, values.postalCode, values.city, values.country];
  if (!parts.some(given) && !given(values.line2))
    return values.type === 'business' ? 'addressRequired' : undefined;
  if (!parts.every(given)) return 'addressIncomplete';
  return COUNTRY.test(values.country.trim()) ? undefined : 'countryFormat';
}

/** A field's trimmed text, or undefined when left empty. */
export const optional = (text: string) => (given(text) ? text.trim() : undefined);

/** The account the form creates, once its rules passed; empty fields are left out. */
export function newAccount(values: AccountFormValues): NewAccount {
  if (!isAccountType(values.type) || !isLicence(values.licence) || !isLanguage(values.language))
    throw new Error('the account form was sent before its rules passed');
  const level: Level | undefined = isLevel(values.level) ? values.level : undefined;
  const licence: Licence = values.licence;
  const language: Language = values.language;
  return {
    name: values.name.trim(),
    type: values.type,
    plan: optional(values.plan),
    licence,
    level,
    language,
    company:
      values.type === 'business'
        ? {
            legalName: values.legalName.trim(),
            registrationNumber: optional(values.registrationNumber),
            vatNumber: optional(values.vatNumber),
          }
        : undefined,
    contact: given(values.contactName)
      ? {
          name: values.contactName.trim(),
          phone: optional(values.contactPhone),
          email: optional(values.contactEmail),
        }
      : undefined,
    billingAddress: given(values.line1)
      ? {
          line1: values.line1.trim(),
          line2: optional(values.line2),
          postalCode: values.postalCode.trim(),
          city: values.city.trim(),
          country: values.country.trim(),
        }
      : undefined,
    paymentReference: optional(values.paymentReference),
    reimbursementRateEurPerKwh: optional(values.rate),
    stationIssueEmails: values.stationIssueEmails,
  };
}

/** An invitee's language, or none: the API then takes the account's. */
const inviteeLanguage = (language: string): Language | undefined =>
  isLanguage(language) ? language : undefined;

export interface SubAccountValues {
  email: string;
  name: string;
  language: string;
  relation: string;
  accountName: string;
  accountType: string;
  rate: string;
  personalMessage: string;
}

export const blankSubAccount: SubAccountValues = {
  email: '',
  name: '',
  language: '',
  relation: '',
  accountName: '',
  accountType: '',
  rate: '',
  personalMessage: '',
};

export function relationProblem(relation: string): 'relationRequired' | undefined {
  return isRelation(relation) ? undefined : 'relationRequired';
}

/** The sub-account invitation: the rate goes as the digits typed, never through a float. */
export function subAccountInvitation(values: SubAccountValues): SubAccountInvitation {
  if (!isRelation(values.relation) || !isAccountType(values.accountType))
    throw new Error('the sub-account form was sent before its rules passed');
  const relation: Relation = values.relation;
  return {
    email: values.email.trim(),
    name: optional(values.name),
    language: inviteeLanguage(values.language),
    relation,
    accountName: values.accountName.trim(),
    accountType: values.accountType,
    reimbursementRateEurPerKwh: optional(values.rate),
    personalMessage: optional(values.personalMessage),
  };
}

export interface AccountUserValues {
  email: string;
  name: string;
  language: string;
  role: string;
  additionalPermissions: string[];
  accountIds: string[];
  personalMessage: string;
}

export function accountsProblem(accountIds: readonly string[]): 'accountsRequired' | undefined {
  return accountIds.length > 0 ? undefined : 'accountsRequired';
}

export function roleProblem(role: string): 'roleRequired' | undefined {
  return given(role) ? undefined : 'roleRequired';
}

/** The user invitation: one role, extra permissions, and the accounts it applies in. */
export function accountUserInvitation(values: AccountUserValues): AccountUserInvitation {
  return {
    kind: 'account_user',
    email: values.email.trim(),
    name: optional(values.name),
    language: inviteeLanguage(values.language),
    // Role and permissions are picked from the API's own catalogue (GET /v1/roles); the API
    // refuses anything else.
    role: values.role as AccountUserInvitation['role'],
    additionalPermissions:
      values.additionalPermissions.length > 0
        ? (values.additionalPermissions as AccountUserInvitation['additionalPermissions'])
        : undefined,
    accountIds: values.accountIds,
    personalMessage: optional(values.personalMessage),
  };
}
