import { z } from 'zod';
import { errorKinds } from '@onramp/errors';
import { createUserBody, userResponse } from '../users/users.schemas';

const problem = {
  description: 'RFC 9457 problem details',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', description: 'urn:onramp:problem:<code>' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
          code: { type: 'string', enum: Object.keys(errorKinds) },
          correlationId: { type: 'string' },
          errorId: { type: 'string', description: 'present on 5xx answers; quote it to support' },
          violations: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) },
});

/** The OpenAPI 3.1 document, derived from the same zod schemas that validate requests. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Onramp API',
      version: '0.1.0',
      description: 'Accounts, users and invitations for EV-charging operators.',
    },
    paths: {
      '/v1/users': {
        post: {
          summary: 'Create a user',
          operationId: 'createUser',
          requestBody: { required: true, content: json(createUserBody) },
          responses: {
            '201': { description: 'The user was created', content: json(userResponse) },
            '400': problem,
            '409': problem,
            '413': problem,
            '415': problem,
          },
        },
      },
    },
  };
}
