import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  listRegistrationsQuery,
  putRegistrationSettingsBody,
  registerBody,
  registeredResponse,
  registrationPageResponse,
  registrationResponse,
  registrationSettingsResponse,
} from './registrations.schemas';

const tag = 'Self-registration';
const theSettings = {
  description: "The account's self-registration settings",
  schema: registrationSettingsResponse,
} as const;
const theRegistration = { description: 'The registration', schema: registrationResponse } as const;

export const registrationsOperations = {
  getSettings: {
    method: 'get',
    path: '/v1/accounts/{id}/registration-settings',
    operationId: 'getRegistrationSettings',
    summary: 'Whether drivers may register themselves for the account, and its registration code',
    tag,
    access: { public: false, permission: 'invitations.read' },
    params: idParams,
    success: { status: 200, ...theSettings },
    problems: [404],
  },
  putSettings: {
    method: 'put',
    path: '/v1/accounts/{id}/registration-settings',
    operationId: 'putRegistrationSettings',
    summary: 'Enable or disable driver self-registration, or issue a new registration code',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    body: putRegistrationSettingsBody,
    success: { status: 200, ...theSettings },
    problems: [404],
  },
  register: {
    method: 'post',
    path: '/v1/registrations',
    operationId: 'register',
    summary: "Register as a driver with an account's registration code; an admin approves it",
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: registerBody,
    success: {
      status: 201,
      description: 'The registration, waiting for approval; the user may log in once approved',
      schema: registeredResponse,
    },
    problems: [409, 410],
  },
  list: {
    method: 'get',
    path: '/v1/registrations',
    operationId: 'listRegistrations',
    summary: 'List self-registrations the caller may see (pending: "to be approved"), newest first',
    tag,
    access: { public: false, permission: 'invitations.read' },
    query: listRegistrationsQuery,
    success: {
      status: 200,
      description: 'A page of registrations',
      schema: registrationPageResponse,
    },
  },
  approve: {
    method: 'post',
    path: '/v1/registrations/{id}/approve',
    operationId: 'approveRegistration',
    summary: 'Approve a pending registration: the driver becomes active',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    success: { status: 200, ...theRegistration },
    problems: [404, 409],
  },
  reject: {
    method: 'post',
    path: '/v1/registrations/{id}/reject',
    operationId: 'rejectRegistration',
    summary: 'Reject a pending registration: the registered user is erased',
    tag,
    access: { public: false, permission: 'invitations.manage' },
    params: idParams,
    success: { status: 200, ...theRegistration },
    problems: [404, 409],
  },
} satisfies Record<string, Operation>;
