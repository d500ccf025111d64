import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  costCenterBody,
  costCenterPageResponse,
  costCenterParams,
  costCenterResponse,
  listCostCentersQuery,
} from './cost-centers.schemas';

const tag = 'Cost centers';
const theCostCenter = { description: 'The cost center', schema: costCenterResponse } as const;

// No coarse permission: the accounts service decides who may read and change an account's
// cost centers, and answers 404 for accounts the caller does not see.
export const costCentersOperations = {
  list: {
    method: 'get',
    path: '/v1/accounts/{id}/cost-centers',
    operationId: 'listCostCenters',
    summary: "List an account's cost centers",
    tag,
    access: { public: false },
    params: idParams,
    query: listCostCentersQuery,
    success: { status: 200, description: 'A page of cost centers', schema: costCenterPageResponse },
    problems: [404],
  },
  create: {
    method: 'post',
    path: '/v1/accounts/{id}/cost-centers',
    operationId: 'createCostCenter',
    summary: 'Add a cost center to an account',
    tag,
    access: { public: false },
    params: idParams,
    body: costCenterBody,
    success: { status: 201, ...theCostCenter },
    problems: [404, 409],
  },
  update: {
    method: 'patch',
    path: '/v1/accounts/{id}/cost-centers/{costCenterId}',
    operationId: 'updateCostCenter',
    summary: 'Rename a cost center',
    tag,
    access: { public: false },
    params: costCenterParams,
    body: costCenterBody,
    success: { status: 200, ...theCostCenter },
    problems: [404, 409],
  },
  delete: {
    method: 'delete',
    path: '/v1/accounts/{id}/cost-centers/{costCenterId}',
    operationId: 'deleteCostCenter',
    summary: 'Remove a cost center; its drivers are left without one',
    tag,
    access: { public: false },
    params: costCenterParams,
    success: { status: 204, description: 'The cost center was removed' },
    problems: [404],
  },
} satisfies Record<string, Operation>;
