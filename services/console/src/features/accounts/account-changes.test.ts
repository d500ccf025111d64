import { describe, expect, it } from 'vitest';
import {
  accountChanges,
  accountFormValues,
  removedAddressProblem,
  removedContactProblem,
} from './account-changes';
import type { Account } from './accounts.api';

const stored: Account = {
  id: '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11',
  parentId: null,
  relation: null,
  name: 'Fleet Partners',
  type: 'business',
  company: { legalName: 'Fleet Partners B.V.', registrationNumber: '12345678', vatNumber: null },
  billingAddress: {
    line1: 'Laan 1',
    line2: null,
    postalCode: '1234 AB',
    city: 'Utrecht',
    country: 'NL',
  },
  contact: { name: 'Ada Admin', phone: null, email: 'ada@fleet.test', gender: 'female' },
  language: 'nl',
  plan: 'pro',
  featureFlags: [],
  effectiveFeatureFlags: [],
  paymentReference: 'SEPA-42',
  reimbursementRateEurPerKwh: '0.2150',
  stationIssueEmails: false,
  licence: 'pro',
  status: 'active',
  level: 'enterprise',
  depth: 0,
  externalId: null,
  createdAt: '2026-12-03T09:00:00.000Z',
  updatedAt: '2026-12-03T09:00:00.000Z',
};

describe('changing an account', () => {
  it('fills the form with the account as stored, an absent field empty', () => {
    expect(accountFormValues(stored)).toEqual({
      name: 'Fleet Partners',
      type: 'business',
      plan: 'pro',
      licence: 'pro',
      level: 'enterprise',
      language: 'nl',
      legalName: 'Fleet Partners B.V.',
      registrationNumber: '12345678',
      vatNumber: '',
      contactName: 'Ada Admin',
      contactPhone: '',
      contactEmail: 'ada@fleet.test',
      line1: 'Laan 1',
      line2: '',
      postalCode: '1234 AB',
      city: 'Utrecht',
      country: 'NL',
      paymentReference: 'SEPA-42',
      rate: '0.2150',
      stationIssueEmails: false,
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(accountChanges(stored, accountFormValues(stored))).toEqual({});
  });

  it('sends only the fields changed, trimmed, with the rate digits as typed', () => {
    const values = {
      ...accountFormValues(stored),
      name: ' Fleet Partners Europe ',
      rate: '0.3125',
      stationIssueEmails: true,
    };
    expect(accountChanges(stored, values)).toEqual({
      name: 'Fleet Partners Europe',
      reimbursementRateEurPerKwh: '0.3125',
      stationIssueEmails: true,
    });
  });

  it('clears an emptied plan, level, payment reference and rate with null', () => {
    const values = {
      ...accountFormValues(stored),
      plan: ' ',
      level: '',
      paymentReference: '',
      rate: '',
    };
    expect(accountChanges(stored, values)).toEqual({
      plan: null,
      level: null,
      paymentReference: null,
      reimbursementRateEurPerKwh: null,
    });
  });

  it('replaces a changed part whole, keeping the contact’s stored gender', () => {
    const values = {
      ...accountFormValues(stored),
      contactPhone: '+31 6 12345678',
      vatNumber: 'NL123456789B01',
      line2: 'Unit 4',
    };
    expect(accountChanges(stored, values)).toEqual({
      company: {
        legalName: 'Fleet Partners B.V.',
        registrationNumber: '12345678',
        vatNumber: 'NL123456789B01',
      },
      contact: {
        name: 'Ada Admin',
        phone: '+31 6 12345678',
        email: 'ada@fleet.test',
        gender: 'female',
      },
      billingAddress: {
        line1: 'Laan 1',
        line2: 'Unit 4',
        postalCode: '1234 AB',
        city: 'Utrecht',
        country: 'NL',
      },
    });
  });

  it('sends a consumer’s new type without the company its form hides', () => {
    expect(accountChanges(stored, { ...accountFormValues(stored), type: 'consumer' })).toEqual({
      type: 'consumer',
    });
  });

  it('refuses to empty a contact or billing address the account has, which the API cannot remove', () => {
    const emptied = {
      ...accountFormValues(stored),
      contactName: '',
      contactEmail: ' ',
      line1: '',
      postalCode: '',
      city: '',
      country: '',
    };
    expect(removedContactProblem(stored, emptied)).toBe('contactKept');
    expect(removedAddressProblem(stored, emptied)).toBe('addressKept');
    const without = { ...stored, contact: null, billingAddress: null };
    expect(removedContactProblem(without, emptied)).toBeUndefined();
    expect(removedAddressProblem(without, emptied)).toBeUndefined();
    expect(removedContactProblem(stored, accountFormValues(stored))).toBeUndefined();
  });
});
