import type { MessageInitShape } from '@bufbuild/protobuf';
import type { invitations } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { answered, isoOrNull, nonEmptyOrNull } from '../mappers/proto-values';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationEventResponse,
  InvitationPreviewResponse,
  InvitationResponse,
  InvitationSummaryResponse,
} from './invitations.schemas';

// The invitations service's messages become the public JSON here and only here, and the JSON
// requests become its messages. A kind's fields sit beside the invitation's own, as in the request.

type SpecInit = MessageInitShape<typeof invitations.InvitationSpecSchema>;

function toSpec(body: CreateInvitationBody): SpecInit {
  switch (body.kind) {
    case 'system_user':
      return { kind: { case: 'systemUser', value: { roles: body.roles } } };
    case 'account_owner':
      return { kind: { case: 'accountOwner', value: { accountId: body.accountId } } };
    case 'end_user':
      return {
        kind: {
          case: 'endUser',
          value: {
            accountId: body.accountId,
            accountName: body.accountName,
            role: body.role,
            accountType: body.accountType,
            reimbursementRateEurPerKwh: body.reimbursementRateEurPerKwh ?? '',
          },
        },
      };
    case 'sub_account':
      return {
        kind: {
          case: 'subAccount',
          value: {
            parentAccountId: body.parentAccountId,
            relation: body.relation,
            accountName: body.accountName,
            accountType: body.accountType,
            reimbursementRateEurPerKwh: body.reimbursementRateEurPerKwh ?? '',
          },
        },
      };
    case 'admin':
      return { kind: { case: 'admin', value: { accountId: body.accountId, level: body.level } } };
    case 'account_user':
      return {
        kind: {
          case: 'accountUser',
          value: {
            accountIds: body.accountIds,
            role: body.role,
            additionalPermissions: body.additionalPermissions ?? [],
          },
        },
      };
    case 'account':
      return {
        kind: { case: 'account', value: { accountId: body.accountId, role: body.role ?? '' } },
      };
  }
}

export function toCreateInvitationRequest(body: CreateInvitationBody) {
  return {
    email: body.email,
    name: body.name ?? '',
    language: body.language,
    personalMessage: body.personalMessage ?? '',
    sendEmail: body.sendEmail,
    spec: toSpec(body),
  };
}

export function toAcceptInvitationRequest(body: AcceptInvitationBody) {
  const { company } = body;
  return {
    token: body.token,
    name: body.name ?? '',
    password: body.password,
    company: company && {
      legalName: company.legalName,
      registrationNumber: company.registrationNumber ?? '',
      vatNumber: company.vatNumber ?? '',
    },
  };
}

/** The kind and its fields, read from the spec so that both always agree. */
function kindFields(spec: invitations.InvitationSpec | undefined) {
  const kind = answered('invitations', spec, 'a spec').kind;
  switch (kind.case) {
    case 'systemUser':
      return { kind: 'system_user', roles: kind.value.roles } as const;
    case 'accountOwner':
      return { kind: 'account_owner', accountId: kind.value.accountId } as const;
    case 'endUser':
      return {
        kind: 'end_user',
        accountId: kind.value.accountId,
        accountName: kind.value.accountName,
        role: kind.value.role,
        accountType: kind.value.accountType,
        reimbursementRateEurPerKwh: nonEmptyOrNull(kind.value.reimbursementRateEurPerKwh),
      } as const;
    case 'subAccount':
      return {
        kind: 'sub_account',
        parentAccountId: kind.value.parentAccountId,
        relation: kind.value.relation,
        accountName: kind.value.accountName,
        accountType: kind.value.accountType,
        reimbursementRateEurPerKwh: nonEmptyOrNull(kind.value.reimbursementRateEurPerKwh),
      } as const;
    case 'admin':
      return { kind: 'admin', accountId: kind.value.accountId, level: kind.value.level } as const;
    case 'accountUser':
      return {
        kind: 'account_user',
        accountIds: kind.value.accountIds,
        role: kind.value.role,
        additionalPermissions: kind.value.additionalPermissions,
      } as const;
    case 'account':
      return { kind: 'account', accountId: kind.value.accountId, role: kind.value.role } as const;
    case undefined:
      throw new DomainError('internal', 'invitations answered an invitation of no kind');
  }
}

export function toInvitationSummaryJson(
  invitation: invitations.Invitation,
): InvitationSummaryResponse {
  const email = invitation.emailStatus;
  return {
    id: invitation.id,
    email: invitation.email,
    name: nonEmptyOrNull(invitation.name),
    language: invitation.language,
    status: invitation.status,
    displayStatus: invitation.displayStatus,
    personalMessage: nonEmptyOrNull(invitation.personalMessage),
    accountIds: invitation.accountIds,
    invitedByUserId: nonEmptyOrNull(invitation.invitedByUserId),
    createdAt: isoOrNull(invitation.createdAt),
    expiresAt: isoOrNull(invitation.expiresAt),
    acceptedAt: isoOrNull(invitation.acceptedAt),
    acceptedUserId: nonEmptyOrNull(invitation.acceptedUserId),
    createdAccountId: nonEmptyOrNull(invitation.createdAccountId),
    emailStatus: {
      status: email?.status ?? 'not_requested',
      reason: nonEmptyOrNull(email?.reason ?? ''),
      updatedAt: isoOrNull(email?.updatedAt),
    },
    resendCount: invitation.resendCount,
    ...kindFields(invitation.spec),
  };
}

function toEventJson(event: invitations.InvitationEvent): InvitationEventResponse {
  return {
    action: event.action,
    at: isoOrNull(event.at),
    byUserId: nonEmptyOrNull(event.byUserId),
    ip: nonEmptyOrNull(event.ip),
    detail: nonEmptyOrNull(event.detail),
  };
}

export function toInvitationJson(
  invitation: invitations.Invitation | undefined,
): InvitationResponse {
  const present = answered('invitations', invitation, 'an invitation');
  return { ...toInvitationSummaryJson(present), history: present.history.map(toEventJson) };
}

/** The link is in the answer only when no email carries it (sendEmail false). */
export function acceptanceUrlOf(url: string): { acceptanceUrl?: string } {
  return url === '' ? {} : { acceptanceUrl: url };
}

export function toPreviewJson(
  preview: invitations.InvitationPreview | undefined,
): InvitationPreviewResponse {
  const invitation = answered('invitations', preview, 'a preview');
  return {
    kind: invitation.kind,
    email: invitation.email,
    name: nonEmptyOrNull(invitation.name),
    language: invitation.language,
    accountName: nonEmptyOrNull(invitation.accountName),
    newAccountName: nonEmptyOrNull(invitation.newAccountName),
    companyRequired: invitation.companyRequired,
    personalMessage: nonEmptyOrNull(invitation.personalMessage),
    inviterName: nonEmptyOrNull(invitation.inviterName),
    expiresAt: isoOrNull(invitation.expiresAt),
    existingUser: invitation.existingUser,
    roles: invitation.roles,
  };
}
