import type { Operation } from '../openapi/operation';
import { meResponse } from './me.schemas';

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
} satisfies Record<string, Operation>;
