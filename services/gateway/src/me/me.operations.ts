import type { Operation } from '../openapi/operation';
import { userResponse } from '../users/users.schemas';
import { meResponse, updateMeBody } from './me.schemas';

export const meOperations = {
  get: {
    method: 'get',
    path: '/v1/me',
    operationId: 'getMe',
    summary: 'Who the caller is and what they may do where',
    tag: 'Me',
    access: { public: false },
    success: { status: 200, description: 'The caller', schema: meResponse },
  },
  update: {
    method: 'patch',
    path: '/v1/me',
    operationId: 'updateMe',
    summary: "Change the caller's own name or email language",
    tag: 'Me',
    access: { public: false },
    body: updateMeBody,
    success: { status: 200, description: 'The updated user', schema: userResponse },
  },
} satisfies Record<string, Operation>;
