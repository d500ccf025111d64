import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import type { Outbox } from '@onramp/messaging';
import type { Invitation } from '../generated/prisma/client';
import { planInvitation } from './invitation-kinds';
import { invitationMessage, specMessage } from './invitation-message';
import type { HistoryEntry, InvitationsRepository, Transaction } from './invitations.repository';

/**
 * The event that makes notifications email the link: the only place the token travels, sealed
 * (`carriedToken`, see EventTokens) where the installation has an EVENT_TOKEN_KEY.
 */
export function issuedEvent(
  row: Invitation,
  carriedToken: string,
  resend: boolean,
): MessageInitShape<typeof invitations.InvitationIssuedSchema> {
  return {
    invitation: invitationMessage(row),
    token: carriedToken,
    resend,
    inviterName: row.inviterName,
    accountName: row.accountName,
    newAccountName: row.newAccountName ?? '',
    roles: row.roles,
    occurredAt: timestampFromDate(row.issuedAt),
  };
}

export interface Closing {
  invitationId: string;
  reason: 'revoked' | 'expired' | 'superseded';
  at: Date;
  /** Who closed it, from where, for its history; nobody for an expiry. */
  by?: Pick<HistoryEntry, 'byUserId' | 'ip'>;
}

/**
 * Closes an invitation inside `transaction`: its status becomes the reason, its history says so
 * and InvitationClosed is appended to the outbox (nudged by the caller once committed).
 */
export async function closeInvitation(
  transaction: Transaction,
  repository: InvitationsRepository,
  outbox: Outbox,
  { invitationId, reason, at, by }: Closing,
): Promise<void> {
  const closed = await repository.update(transaction, invitationId, { status: reason });
  await repository.record(transaction, invitationId, { action: reason, ...by }, at);
  await outbox.append(transaction, invitations.InvitationClosedSchema, {
    invitation: invitationMessage(closed),
    reason,
    occurredAt: timestampFromDate(at),
  });
}

/** The account acceptance creates, as accounts will create it; undefined for other kinds. */
export function newAccountOf(
  row: Invitation,
  company: invitations.NewAccount['company'],
): invitations.NewAccount | undefined {
  const planned = planInvitation(specMessage(row.spec).kind).plan?.newAccount;
  if (planned === undefined || row.newAccountId === null) return undefined;
  return create(invitations.NewAccountSchema, {
    accountId: row.newAccountId,
    parentId: planned.parentId,
    relation: planned.relation,
    name: planned.name,
    type: planned.type,
    company,
    language: row.language,
    reimbursementRateEurPerKwh: planned.reimbursementRate,
    byUserId: row.invitedByUserId ?? '',
  });
}
