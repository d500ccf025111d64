import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  membershipBody,
  membershipParams,
  membershipPatchBody,
  membershipResponse,
} from './memberships.schemas';

const tag = 'Memberships';

export const membershipsOperations = {
  grant: {
    method: 'post',
    path: '/v1/users/{id}/memberships',
    operationId: 'grantMembership',
    summary: 'Give a user roles on the platform or on accounts',
    tag,
    access: { public: false, permission: 'memberships.manage' },
    params: idParams,
    body: membershipBody,
    success: { status: 201, description: 'The membership', schema: membershipResponse },
    problems: [404, 409],
  },
  update: {
    method: 'patch',
    path: '/v1/users/{id}/memberships/{membershipId}',
    operationId: 'updateMembership',
    summary: "Change a membership's scope, roles or additional permissions",
    tag,
    access: { public: false, permission: 'memberships.manage' },
    params: membershipParams,
    body: membershipPatchBody,
    success: { status: 200, description: 'The membership', schema: membershipResponse },
    problems: [404, 409],
  },
  revoke: {
    method: 'delete',
    path: '/v1/users/{id}/memberships/{membershipId}',
    operationId: 'revokeMembership',
    summary: 'Take a membership away',
    tag,
    access: { public: false, permission: 'memberships.manage' },
    params: membershipParams,
    success: { status: 204, description: 'The membership was revoked' },
    problems: [404],
  },
} satisfies Record<string, Operation>;
