import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  createUserGroupBody,
  listUserGroupsQuery,
  updateUserGroupBody,
  userGroupPageResponse,
  userGroupParams,
  userGroupResponse,
} from './user-groups.schemas';

const tag = 'User groups';
const theUserGroup = { description: 'The user group', schema: userGroupResponse } as const;

// No coarse permission: the accounts service decides, and answers 404 for invisible accounts.
export const userGroupsOperations = {
  list: {
    method: 'get',
    path: '/v1/accounts/{id}/user-groups',
    operationId: 'listUserGroups',
    summary: "List an account's user groups",
    tag,
    access: { public: false },
    params: idParams,
    query: listUserGroupsQuery,
    success: { status: 200, description: 'A page of user groups', schema: userGroupPageResponse },
    problems: [404],
  },
  create: {
    method: 'post',
    path: '/v1/accounts/{id}/user-groups',
    operationId: 'createUserGroup',
    summary: 'Add a user group: which stations its drivers may charge at',
    tag,
    access: { public: false },
    params: idParams,
    body: createUserGroupBody,
    success: { status: 201, ...theUserGroup },
    problems: [404, 409],
  },
  update: {
    method: 'patch',
    path: '/v1/accounts/{id}/user-groups/{userGroupId}',
    operationId: 'updateUserGroup',
    summary: 'Rename a user group or replace its stations',
    tag,
    access: { public: false },
    params: userGroupParams,
    body: updateUserGroupBody,
    success: { status: 200, ...theUserGroup },
    problems: [404, 409],
  },
  delete: {
    method: 'delete',
    path: '/v1/accounts/{id}/user-groups/{userGroupId}',
    operationId: 'deleteUserGroup',
    summary: 'Remove a user group (refused on a Pro licence if a driver would be left with none)',
    tag,
    access: { public: false },
    params: userGroupParams,
    success: { status: 204, description: 'The user group was removed' },
    problems: [404],
  },
} satisfies Record<string, Operation>;
