import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import type { Invitation } from '../generated/prisma/client';
import { planInvitation } from './invitation-kinds';
import { invitationMessage, specMessage } from './invitation-message';

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

export function closedEvent(
  row: Invitation,
  reason: 'revoked' | 'expired' | 'superseded',
  at: Date,
): MessageInitShape<typeof invitations.InvitationClosedSchema> {
  return { invitation: invitationMessage(row), reason, occurredAt: timestampFromDate(at) };
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
