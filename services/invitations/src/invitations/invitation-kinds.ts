import {
  ACCOUNT_TYPES,
  accountNameViolations,
  canonicalReimbursementRate,
  oneOfViolations,
  reimbursementRateViolations,
  relationViolations,
} from '@onramp/account-rules';
import type { MembershipShape } from '@onramp/authz';
import { invitations, isUuid } from '@onramp/contracts';
import type { FieldViolation as Violation } from '@onramp/errors';
import { MAX_INVITATION_ACCOUNTS } from '@onramp/invitation-rules';
import type { InvitationKindName } from '../config/invitations-config';

/** The account acceptance creates (end_user and sub_account), before its id is fixed. */
export interface NewAccountPlan {
  parentId: string;
  relation: 'employee' | 'subsidiary';
  name: string;
  type: 'business' | 'consumer';
  reimbursementRate: string;
}

/**
 * What an invitation of some kind amounts to: the existing accounts it names (which must exist
 * and be visible to the inviter), the membership acceptance grants and the account it creates.
 */
export interface InvitationPlan {
  kind: InvitationKindName;
  /**
   * The kind's fields as they are stored and answered: the defaults filled in and the rate in
   * its one spelling, so an invitation says what it grants.
   */
  spec: Spec;
  /** Existing accounts named by the invitation: the ones joined, or the sub-account's parent. */
  accountIds: string[];
  platform: boolean;
  roles: string[];
  additionalPermissions: string[];
  newAccount?: NewAccountPlan;
  /** Set by admin invitations: the level the account must have. */
  adminLevel?: 'enterprise' | 'company' | 'location';
}

type Spec = invitations.InvitationSpec['kind'];

const DEFAULT_ACCOUNT_ROLE = 'no_role';

/** The rate in its one spelling; a rate that is not one stays as sent, for its violation. */
const spelledRate = (rate: string) => canonicalReimbursementRate(rate) ?? rate;

/** One violation on `field` unless every id is a UUID. */
export function uuidViolations(field: string, ids: readonly string[]): Violation[] {
  return ids.every(isUuid) ? [] : [{ field, message: 'must be an account id (UUID)' }];
}

/** The new account's own rules, as accounts applies them, with fields named as in this API. */
function newAccountViolations(name: string, type: string, rate: string): Violation[] {
  return [
    ...accountNameViolations(name).map((violation) => ({ ...violation, field: 'accountName' })),
    ...oneOfViolations('accountType', type, ACCOUNT_TYPES),
    ...reimbursementRateViolations(rate),
  ];
}

/** The plan of a spec, or the reasons it is not valid (field names as the API spells them). */
export function planInvitation(spec: Spec): { plan?: InvitationPlan; violations: Violation[] } {
  switch (spec.case) {
    case 'systemUser':
      return {
        plan: {
          kind: 'system_user',
          spec,
          accountIds: [],
          platform: true,
          roles: spec.value.roles,
          additionalPermissions: [],
        },
        violations: [],
      };
    case 'accountOwner':
      return {
        plan: {
          kind: 'account_owner',
          spec,
          accountIds: [spec.value.accountId],
          platform: false,
          roles: ['account_owner'],
          additionalPermissions: [],
        },
        violations: uuidViolations('accountId', [spec.value.accountId]),
      };
    case 'endUser': {
      const { accountId, accountName, role, accountType, reimbursementRateEurPerKwh } = spec.value;
      const rate = spelledRate(reimbursementRateEurPerKwh);
      const violations = [
        ...uuidViolations('accountId', [accountId]),
        ...oneOfViolations('role', role, ['driver', 'account_owner']),
        ...newAccountViolations(accountName, accountType, reimbursementRateEurPerKwh),
      ];
      return {
        plan: {
          kind: 'end_user',
          spec: { case: 'endUser', value: { ...spec.value, reimbursementRateEurPerKwh: rate } },
          accountIds: [accountId],
          platform: false,
          roles: [role],
          additionalPermissions: [],
          // An end user's account hangs under the customer's as its employee: the agreed rate
          // is reimbursed automatically.
          newAccount: {
            parentId: accountId,
            relation: 'employee',
            name: accountName.trim(),
            type: accountType as NewAccountPlan['type'],
            reimbursementRate: rate,
          },
        },
        violations,
      };
    }
    case 'subAccount': {
      const { parentAccountId, relation, accountName, accountType, reimbursementRateEurPerKwh } =
        spec.value;
      const rate = spelledRate(reimbursementRateEurPerKwh);
      const violations = [
        ...uuidViolations('parentAccountId', [parentAccountId]),
        ...relationViolations(relation, true),
        ...newAccountViolations(accountName, accountType, reimbursementRateEurPerKwh),
      ];
      return {
        plan: {
          kind: 'sub_account',
          spec: { case: 'subAccount', value: { ...spec.value, reimbursementRateEurPerKwh: rate } },
          accountIds: [parentAccountId],
          platform: false,
          roles: ['account_owner'],
          additionalPermissions: [],
          newAccount: {
            parentId: parentAccountId,
            relation: relation as NewAccountPlan['relation'],
            name: accountName.trim(),
            type: accountType as NewAccountPlan['type'],
            reimbursementRate: rate,
          },
        },
        violations,
      };
    }
    case 'admin': {
      const { accountId, level } = spec.value;
      const levels = ['enterprise', 'company', 'location'] as const;
      const violations = [
        ...uuidViolations('accountId', [accountId]),
        ...oneOfViolations('level', level, levels),
      ];
      return {
        plan: {
          kind: 'admin',
          spec,
          accountIds: [accountId],
          platform: false,
          roles: [`${level}_admin`],
          additionalPermissions: [],
          adminLevel: level as InvitationPlan['adminLevel'],
        },
        violations,
      };
    }
    case 'accountUser': {
      const { accountIds, role, additionalPermissions } = spec.value;
      const unique = [...new Set(accountIds.map((id) => id.toLowerCase()))];
      const violations = [
        ...uuidViolations('accountIds', unique),
        ...(unique.length === 0 || unique.length > MAX_INVITATION_ACCOUNTS
          ? [{ field: 'accountIds', message: `1 to ${MAX_INVITATION_ACCOUNTS} accounts` }]
          : []),
      ];
      return {
        plan: {
          kind: 'account_user',
          spec,
          accountIds: unique,
          platform: false,
          roles: [role],
          additionalPermissions: [...new Set(additionalPermissions)],
        },
        violations,
      };
    }
    case 'account': {
      const role = spec.value.role === '' ? DEFAULT_ACCOUNT_ROLE : spec.value.role;
      return {
        plan: {
          kind: 'account',
          spec: { case: 'account', value: { ...spec.value, role } },
          accountIds: [spec.value.accountId],
          platform: false,
          roles: [role],
          additionalPermissions: [],
        },
        violations: uuidViolations('accountId', [spec.value.accountId]),
      };
    }
    case undefined:
      return { violations: [{ field: 'kind', message: 'say what the invitation is for' }] };
  }
}

/** The membership acceptance grants; `newAccountId` for the kinds that create an account. */
export function membershipOf(plan: InvitationPlan, newAccountId?: string): MembershipShape {
  return {
    platform: plan.platform,
    accountIds:
      plan.newAccount !== undefined && newAccountId !== undefined
        ? [newAccountId]
        : plan.accountIds,
    roles: plan.roles,
    additionalPermissions: plan.additionalPermissions,
  };
}

/** Invitations of one email into one scope supersede each other while pending. */
export function scopeKeyOf(plan: InvitationPlan): string {
  return plan.platform ? 'platform' : [...plan.accountIds].sort().join(',');
}
