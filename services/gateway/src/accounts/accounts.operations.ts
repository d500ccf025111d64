import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  accountPageResponse,
  accountResponse,
  createAccountBody,
  listAccountsQuery,
  updateAccountBody,
} from './accounts.schemas';

const tag = 'Accounts';
const theAccount = { description: 'The account', schema: accountResponse } as const;

export const accountsOperations = {
  create: {
    method: 'post',
    path: '/v1/accounts',
    operationId: 'createAccount',
    summary: 'Create an account, or a sub-account under parentId',
    tag,
    // Which permission applies depends on the parent (accounts.create on the platform for a
    // top-level account, accounts.manage on the parent otherwise): the accounts service decides.
    access: { public: false },
    body: createAccountBody,
    success: { status: 201, description: 'The account was created', schema: accountResponse },
    problems: [404, 409],
  },
  list: {
    method: 'get',
    path: '/v1/accounts',
    operationId: 'listAccounts',
    summary: 'List the accounts the caller may see, by name, a page at a time',
    tag,
    access: { public: false, permission: 'accounts.read' },
    query: listAccountsQuery,
    success: { status: 200, description: 'A page of accounts', schema: accountPageResponse },
  },
  get: {
    method: 'get',
    path: '/v1/accounts/{id}',
    operationId: 'getAccount',
    summary: 'Get an account',
    tag,
    access: { public: false, permission: 'accounts.read' },
    params: idParams,
    success: { status: 200, ...theAccount },
    problems: [404],
  },
  update: {
    method: 'patch',
    path: '/v1/accounts/{id}',
    operationId: 'updateAccount',
    summary: 'Change an account; a new parentId moves it with its sub-accounts',
    tag,
    access: { public: false, permission: 'accounts.manage' },
    params: idParams,
    body: updateAccountBody,
    success: { status: 200, ...theAccount },
    problems: [404, 409],
  },
} satisfies Record<string, Operation>;
