import { MAX_ACCOUNT_DEPTH } from '@onramp/account-rules';
import { mayGrant, type Caller, type Target } from '@onramp/authz';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { requirePermission } from '../common/access';
import type { AccountRef } from '../common/directory';
import type { Invitation } from '../generated/prisma/client';
import { membershipOf, type InvitationPlan } from './invitation-kinds';

/** Where an invitation applies, for permission checks. */
export function targetOf(row: Pick<Invitation, 'accountLineage'>): Target {
  return row.accountLineage.length === 0 ? { platform: true } : { accountIds: row.accountLineage };
}

export function invalid(detail: string, violations: FieldViolation[]): DomainError {
  return new DomainError('validation_failed', detail, violations);
}

/** Nobody invites above themselves, nor where they may not invite. */
export function authoriseInvitation(
  caller: Caller,
  plan: InvitationPlan,
  accounts: AccountRef[],
  newAccountId: string | undefined,
  sendEmail: boolean,
): void {
  const lineages = new Map(accounts.map((account) => [account.id, account.lineage]));
  const parent = plan.newAccount === undefined ? undefined : accounts[0];
  if (parent !== undefined && newAccountId !== undefined)
    lineages.set(newAccountId, [...parent.lineage, newAccountId]);
  const targets: Target[] = plan.platform
    ? [{ platform: true }]
    : accounts.map((account) => ({ accountIds: account.lineage }));
  for (const target of targets) {
    requirePermission(caller, 'invitations.manage', target);
    if (!sendEmail) requirePermission(caller, 'invitations.share_link', target);
  }
  if (!mayGrant(caller, membershipOf(plan, newAccountId), (id) => lineages.get(id) ?? [id]))
    throw new DomainError('forbidden', 'you may not grant what this invitation would grant');
  if (plan.adminLevel !== undefined && accounts[0]?.level !== plan.adminLevel)
    throw invalid('the account is not at this admin level', [
      { field: 'level', message: `the account is not a ${plan.adminLevel}` },
    ]);
  if (parent !== undefined && parent.depth + 1 > MAX_ACCOUNT_DEPTH)
    throw invalid('the sub-account would be nested too deep', [
      {
        field: 'parentAccountId',
        message: `accounts nest at most ${MAX_ACCOUNT_DEPTH + 1} levels deep`,
      },
    ]);
}
