import type { Operation } from '../openapi/operation';
import { roleCatalogueResponse } from './roles.schemas';

export const rolesOperations = {
  list: {
    method: 'get',
    path: '/v1/roles',
    operationId: 'listRoles',
    summary: 'The roles and permissions memberships and API keys can grant',
    tag: 'Roles',
    access: { public: false },
    success: { status: 200, description: 'The catalogue', schema: roleCatalogueResponse },
  },
} satisfies Record<string, Operation>;
