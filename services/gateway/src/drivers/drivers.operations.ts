import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  driverPageResponse,
  driverParams,
  driverResponse,
  listDriversQuery,
  updateDriverBody,
} from './drivers.schemas';

const tag = 'Drivers';
const theDriver = { description: 'The driver', schema: driverResponse } as const;

export const driversOperations = {
  list: {
    method: 'get',
    path: '/v1/accounts/{id}/drivers',
    operationId: 'listDrivers',
    summary: "List an account's drivers: active, invited or awaiting approval",
    tag,
    access: { public: false, permission: 'drivers.read' },
    params: idParams,
    query: listDriversQuery,
    success: { status: 200, description: 'A page of drivers', schema: driverPageResponse },
    problems: [404],
  },
  get: {
    method: 'get',
    path: '/v1/accounts/{id}/drivers/{userId}',
    operationId: 'getDriver',
    summary: "Get a user's driver profile in an account",
    tag,
    access: { public: false, permission: 'drivers.read' },
    params: driverParams,
    success: { status: 200, ...theDriver },
    problems: [404],
  },
  update: {
    method: 'patch',
    path: '/v1/accounts/{id}/drivers/{userId}',
    operationId: 'updateDriver',
    summary: "Change a driver's cost center, info fields, vehicle, user groups or priority",
    tag,
    access: { public: false, permission: 'drivers.manage' },
    params: driverParams,
    body: updateDriverBody,
    success: { status: 200, ...theDriver },
    problems: [404],
  },
} satisfies Record<string, Operation>;
