import { create, fromJson, type JsonValue } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import type { Invitation, InvitationEvent } from '../generated/prisma/client';

/**
 * The words for an invitation's state that admins see in user lists; an accepted
 * invitation reads "deactivated" while its user is.
 */
const DISPLAY_STATUS: Record<Invitation['status'], string> = {
  pending: 'invited',
  expired: 'invited',
  accepted: 'active',
  revoked: 'deactivated',
  superseded: 'deactivated',
};

export type InvitationWithHistory = Invitation & { history?: InvitationEvent[] };

export function specMessage(spec: Invitation['spec']): invitations.InvitationSpec {
  return fromJson(invitations.InvitationSpecSchema, spec as JsonValue);
}

export function invitationMessage(row: InvitationWithHistory): invitations.Invitation {
  return create(invitations.InvitationSchema, {
    id: row.id,
    kind: row.kind,
    email: row.email,
    name: row.name,
    language: row.language,
    spec: specMessage(row.spec),
    status: row.status,
    displayStatus:
      row.status === 'accepted' && row.userDeactivatedAt !== null
        ? 'deactivated'
        : DISPLAY_STATUS[row.status],
    personalMessage: row.personalMessage,
    accountIds: row.accountIds,
    invitedByUserId: row.invitedByUserId ?? '',
    createdAt: timestampFromDate(row.createdAt),
    expiresAt: timestampFromDate(row.expiresAt),
    acceptedAt: row.acceptedAt === null ? undefined : timestampFromDate(row.acceptedAt),
    acceptedUserId: row.acceptedUserId ?? '',
    createdAccountId: row.status === 'accepted' ? (row.newAccountId ?? '') : '',
    emailStatus: {
      status: row.emailStatus,
      reason: row.emailReason,
      updatedAt: timestampFromDate(row.emailUpdatedAt),
    },
    history: (row.history ?? []).map((event) => ({
      action: event.action,
      at: timestampFromDate(event.at),
      byUserId: event.byUserId ?? '',
      ip: event.ip,
      detail: event.detail,
    })),
    resendCount: row.resendCount,
  });
}
