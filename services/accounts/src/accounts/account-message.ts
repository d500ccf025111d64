import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { canonicalReimbursementRate } from '@onramp/account-rules';
import type { accounts } from '@onramp/contracts';
import type { Account } from '../generated/prisma/client';
import type { PlanCatalogue } from './plan-catalogue';

export function accountMessage(
  account: Account,
  plans: PlanCatalogue,
): MessageInitShape<typeof accounts.AccountSchema> {
  return {
    id: account.id,
    parentId: account.parentId ?? undefined,
    relation: account.relation ?? '',
    name: account.name,
    type: account.type,
    company: {
      legalName: account.companyLegalName,
      registrationNumber: account.companyRegistrationNumber,
      vatNumber: account.companyVatNumber,
    },
    billingAddress: {
      line1: account.billingLine1,
      line2: account.billingLine2,
      postalCode: account.billingPostalCode,
      city: account.billingCity,
      country: account.billingCountry,
    },
    contact: {
      name: account.contactName,
      phone: account.contactPhone,
      email: account.contactEmail,
      gender: account.contactGender,
    },
    language: account.language,
    plan: account.plan,
    featureFlags: account.featureFlags,
    effectiveFeatureFlags: plans.effectiveFlags(account),
    paymentReference: account.paymentReference,
    // The stored decimal is always a rate; Decimal's own text drops trailing zeros.
    reimbursementRateEurPerKwh:
      canonicalReimbursementRate(account.reimbursementRate?.toString() ?? '') ?? '',
    stationIssueEmails: account.stationIssueEmails,
    licence: account.licence,
    status: account.status,
    level: account.level,
    depth: account.depth,
    // The stored path is the ancestors and the account itself, root first.
    ancestorIds: account.path.slice(0, -1),
    externalId: account.externalId ?? '',
    createdAt: timestampFromDate(account.createdAt),
    updatedAt: timestampFromDate(account.updatedAt),
  };
}
