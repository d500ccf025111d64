import { Controller } from '@nestjs/common';
import { permissions, roles } from '@onramp/authz';
import { Endpoint } from '../openapi/operation';
import { rolesOperations as api } from './roles.operations';
import type { RoleCatalogueResponse } from './roles.schemas';

// The catalogue is code, fixed for the life of the process.
const catalogue: RoleCatalogueResponse = {
  roles: Object.entries(roles).map(([name, role]) => ({
    name,
    scope: role.scope,
    description: role.description,
    permissions: [...role.permissions],
  })),
  permissions: [...permissions],
};

@Controller()
export class RolesController {
  @Endpoint(api.list)
  list(): RoleCatalogueResponse {
    return catalogue;
  }
}
