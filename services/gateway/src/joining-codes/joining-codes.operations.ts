import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  createJoiningCodeBody,
  joiningCodePageResponse,
  joiningCodeResponse,
  listJoiningCodesQuery,
  redeemedJoiningCodeResponse,
  redeemJoiningCodeBody,
} from './joining-codes.schemas';

const tag = 'Joining codes';
const theCode = { description: 'The joining code', schema: joiningCodeResponse } as const;

export const joiningCodesOperations = {
  create: {
    method: 'post',
    path: '/v1/accounts/{id}/joining-codes',
    operationId: 'createJoiningCode',
    summary: 'Create a shareable code that grants a role in the account at once',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    body: createJoiningCodeBody,
    optionalBody: true,
    success: { status: 201, ...theCode },
    problems: [404],
  },
  list: {
    method: 'get',
    path: '/v1/accounts/{id}/joining-codes',
    operationId: 'listJoiningCodes',
    summary: "List an account's joining codes, newest first",
    tag,
    access: { public: false, permission: 'invitations.read' },
    params: idParams,
    query: listJoiningCodesQuery,
    success: {
      status: 200,
      description: 'A page of joining codes',
      schema: joiningCodePageResponse,
    },
    problems: [404],
  },
  rotate: {
    method: 'post',
    path: '/v1/joining-codes/{id}/rotate',
    operationId: 'rotateJoiningCode',
    summary: 'Replace the code with a new one; the old one stops working at once',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    success: { status: 200, ...theCode },
    problems: [404, 409],
  },
  revoke: {
    method: 'post',
    path: '/v1/joining-codes/{id}/revoke',
    operationId: 'revokeJoiningCode',
    summary: 'Stop the code from working',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    success: { status: 200, ...theCode },
    problems: [404, 409],
  },
  redeem: {
    method: 'post',
    path: '/v1/joining-codes/redeem',
    operationId: 'redeemJoiningCode',
    summary: "Join an account with its code: the caller gets the code's role there at once",
    tag,
    // Any authenticated user: the code itself is the authorisation.
    access: { public: false },
    strictRateLimit: true,
    body: redeemJoiningCodeBody,
    success: {
      status: 200,
      description: 'The account joined',
      schema: redeemedJoiningCodeResponse,
    },
    problems: [410],
  },
} satisfies Record<string, Operation>;
