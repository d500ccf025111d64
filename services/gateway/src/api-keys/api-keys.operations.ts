import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  apiKeyListResponse,
  createApiKeyBody,
  createdApiKeyResponse,
  listApiKeysQuery,
} from './api-keys.schemas';

const tag = 'API keys';

export const apiKeysOperations = {
  list: {
    method: 'get',
    path: '/v1/api-keys',
    operationId: 'listApiKeys',
    summary: 'List the API keys of the accounts the caller may see',
    tag,
    access: { public: false, permission: 'api_keys.read' },
    query: listApiKeysQuery,
    success: { status: 200, description: 'The API keys', schema: apiKeyListResponse },
  },
  create: {
    method: 'post',
    path: '/v1/api-keys',
    operationId: 'createApiKey',
    summary: 'Create an API key for an account',
    tag,
    access: { public: false, permission: 'api_keys.manage' },
    body: createApiKeyBody,
    success: {
      status: 201,
      description: 'The key and, this once, its secret',
      schema: createdApiKeyResponse,
    },
    problems: [404],
  },
  revoke: {
    method: 'delete',
    path: '/v1/api-keys/{id}',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key; requests with it fail from now on',
    tag,
    access: { public: false, permission: 'api_keys.manage' },
    params: idParams,
    success: { status: 204, description: 'The key was revoked' },
    problems: [404],
  },
} satisfies Record<string, Operation>;
