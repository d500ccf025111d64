import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  acceptedInvitationResponse,
  acceptInvitationBody,
  createdInvitationResponse,
  createInvitationBody,
  invitationPageResponse,
  invitationPreviewResponse,
  invitationResponse,
  inviteSubAccountBody,
  listInvitationsQuery,
  lookupInvitationQuery,
  resendInvitationBody,
  resentInvitationResponse,
} from './invitations.schemas';

const tag = 'Invitations';

export const invitationsOperations = {
  create: {
    method: 'post',
    path: '/v1/invitations',
    operationId: 'createInvitation',
    summary:
      'Invite someone by email; a pending invitation of the same email and scope is replaced',
    tag,
    // Where invitations.manage must hold, and that the inviter holds what the invitation grants,
    // is the invitations service's decision.
    access: { public: false, permission: 'invitations.manage' },
    body: createInvitationBody,
    success: {
      status: 201,
      description:
        'The invitation; emailStatus says whether its email was queued or why not (e.g. not_sent, provider_not_configured)',
      schema: createdInvitationResponse,
    },
    problems: [404, 409],
  },
  inviteSubAccount: {
    method: 'post',
    path: '/v1/accounts/{id}/sub-accounts',
    operationId: 'inviteSubAccount',
    summary:
      'Invite the user of a new sub-account of this account ("+ Add sub-account"); the account is created when they accept',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    body: inviteSubAccountBody,
    success: {
      status: 201,
      description: 'The sub_account invitation, as POST /v1/invitations answers it',
      schema: createdInvitationResponse,
    },
    problems: [404, 409],
  },
  list: {
    method: 'get',
    path: '/v1/invitations',
    operationId: 'listInvitations',
    summary: 'List the invitations the caller may see, newest first, a page at a time',
    tag,
    access: { public: false, permission: 'invitations.read' },
    query: listInvitationsQuery,
    success: { status: 200, description: 'A page of invitations', schema: invitationPageResponse },
  },
  lookup: {
    method: 'get',
    path: '/v1/invitations/lookup',
    operationId: 'lookupInvitation',
    summary: 'What an invitation link offers: who invites whom to what (public, by token)',
    tag,
    access: { public: true },
    strictRateLimit: true,
    query: lookupInvitationQuery,
    success: {
      status: 200,
      description: 'The invitation as its invitee sees it',
      schema: invitationPreviewResponse,
    },
    problems: [410],
  },
  accept: {
    method: 'post',
    path: '/v1/invitations/accept',
    operationId: 'acceptInvitation',
    summary:
      'Accept an invitation by token: a new user sets a password; an existing user sends their bearer token',
    tag,
    access: { public: true, callerIfPresent: true },
    strictRateLimit: true,
    body: acceptInvitationBody,
    success: {
      status: 200,
      description: 'The invitation was accepted; the user is active',
      schema: acceptedInvitationResponse,
    },
    problems: [409, 410],
  },
  get: {
    method: 'get',
    path: '/v1/invitations/{id}',
    operationId: 'getInvitation',
    summary: 'Get an invitation with its history',
    tag,
    access: { public: false, permission: 'invitations.read' },
    params: idParams,
    success: { status: 200, description: 'The invitation', schema: invitationResponse },
    problems: [404],
  },
  resend: {
    method: 'post',
    path: '/v1/invitations/{id}/resend',
    operationId: 'resendInvitation',
    summary:
      'Send a pending or expired invitation again with a fresh link; the old link stops working',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    body: resendInvitationBody,
    optionalBody: true,
    success: { status: 200, description: 'The invitation', schema: resentInvitationResponse },
    problems: [404, 409],
  },
  revoke: {
    method: 'post',
    path: '/v1/invitations/{id}/revoke',
    operationId: 'revokeInvitation',
    summary: 'Cancel a pending or expired invitation; its link stops working at once',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    success: { status: 200, description: 'The invitation', schema: invitationResponse },
    problems: [404, 409],
  },
} satisfies Record<string, Operation>;
