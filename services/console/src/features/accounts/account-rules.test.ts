import { describe, expect, it } from 'vitest';
import {
  accountsProblem,
  accountUserInvitation,
  addressProblem,
  blankAccount,
  contactEmailProblem,
  contactNameProblem,
  legalNameProblem,
  newAccount,
  relationProblem,
  subAccountInvitation,
} from './account-rules';

const business = {
  ...blankAccount,
  name: ' Fleet BV ',
  type: 'business',
  plan: 'pro-fleet',
  licence: 'pro',
  level: 'company',
  language: 'nl',
  legalName: 'Fleet B.V.',
  registrationNumber: '12345678',
  contactName: 'Ada Admin',
  contactEmail: 'ada@fleet.example',
  line1: 'Laan 1',
  postalCode: '1234 AB',
  city: 'Utrecht',
  country: 'NL',
  paymentReference: 'SEPA-42',
  rate: '0.3125',
  stationIssueEmails: false,
};

describe('the new account rules', () => {
  it('ask a business for its legal name, and a consumer not', () => {
    expect(legalNameProblem({ ...business, legalName: ' ' })).toBe('legalNameRequired');
    expect(legalNameProblem({ ...business, type: 'consumer', legalName: '' })).toBeUndefined();
  });

  it('ask the contact’s name once any contact field is given', () => {
    expect(contactNameProblem({ ...blankAccount, contactPhone: '+31 6 1' })).toBe(
      'contactNameRequired',
    );
    expect(contactNameProblem(blankAccount)).toBeUndefined();
    expect(contactEmailProblem('not-an-email')).toBe('emailRequired');
    expect(contactEmailProblem('')).toBeUndefined();
  });

  it('take a billing address whole or not at all, with a two-letter country', () => {
    expect(addressProblem(blankAccount)).toBeUndefined();
    expect(addressProblem({ ...blankAccount, type: 'business' })).toBe('addressRequired');
    expect(addressProblem({ ...blankAccount, city: 'Utrecht' })).toBe('addressIncomplete');
    expect(addressProblem({ ...business, country: 'nl' })).toBe('countryFormat');
    expect(addressProblem(business)).toBeUndefined();
  });

  it('send every field given, trimmed, the rate as typed, and leave out what is empty', () => {
    expect(newAccount(business)).toEqual({
      name: 'Fleet BV',
      type: 'business',
      plan: 'pro-fleet',
      licence: 'pro',
      level: 'company',
      language: 'nl',
      company: { legalName: 'Fleet B.V.', registrationNumber: '12345678', vatNumber: undefined },
      contact: { name: 'Ada Admin', phone: undefined, email: 'ada@fleet.example' },
      billingAddress: {
        line1: 'Laan 1',
        line2: undefined,
        postalCode: '1234 AB',
        city: 'Utrecht',
        country: 'NL',
      },
      paymentReference: 'SEPA-42',
      reimbursementRateEurPerKwh: '0.3125',
      stationIssueEmails: false,
    });
  });

  it('send a consumer without company, contact or address', () => {
    const consumer = newAccount({ ...blankAccount, name: 'Jan', type: 'consumer' });
    expect(consumer.company).toBeUndefined();
    expect(consumer.contact).toBeUndefined();
    expect(consumer.billingAddress).toBeUndefined();
    expect(consumer.level).toBeUndefined();
  });
});

describe('the sub-account and user invitation rules', () => {
  it('need employee or subsidiary', () => {
    expect(relationProblem('')).toBe('relationRequired');
    expect(relationProblem('partner')).toBe('relationRequired');
    expect(relationProblem('employee')).toBeUndefined();
  });

  it('send a sub-account invitation with the rate digits unchanged', () => {
    expect(
      subAccountInvitation({
        email: ' emp@fleet.example ',
        name: '',
        language: '',
        relation: 'employee',
        accountName: ' Fleet – Emp ',
        accountType: 'business',
        rate: '0.2150',
        personalMessage: 'Welcome',
      }),
    ).toEqual({
      email: 'emp@fleet.example',
      name: undefined,
      language: undefined,
      relation: 'employee',
      accountName: 'Fleet – Emp',
      accountType: 'business',
      reimbursementRateEurPerKwh: '0.2150',
      personalMessage: 'Welcome',
    });
  });

  it('need at least one account for a user, and send extra permissions only when chosen', () => {
    expect(accountsProblem([])).toBe('accountsRequired');
    const values = {
      email: 'u@fleet.example',
      name: 'U',
      language: 'de',
      role: 'account_admin',
      additionalPermissions: [],
      accountIds: ['a', 'b'],
      personalMessage: '',
    };
    expect(accountUserInvitation(values)).toEqual({
      kind: 'account_user',
      email: 'u@fleet.example',
      name: 'U',
      language: 'de',
      role: 'account_admin',
      additionalPermissions: undefined,
      accountIds: ['a', 'b'],
      personalMessage: undefined,
    });
  });
});
