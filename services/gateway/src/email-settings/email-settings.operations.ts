import type { Operation } from '../openapi/operation';
import { emailProviderResponse, putEmailProviderBody } from './email-settings.schemas';

// The notifications service also requires the permission on the platform itself.
const access = { public: false, permission: 'settings.manage' } as const;

export const emailSettingsOperations = {
  getEmailProvider: {
    method: 'get',
    path: '/v1/settings/email-provider',
    operationId: 'getEmailProviderSettings',
    summary: 'Read how emails are sent (never the SMTP URL or Postmark token)',
    tag: 'Settings',
    access,
    success: { status: 200, description: 'The provider in use', schema: emailProviderResponse },
  },
  putEmailProvider: {
    method: 'put',
    path: '/v1/settings/email-provider',
    operationId: 'putEmailProviderSettings',
    summary: 'Choose how emails are sent: SMTP, Postmark, the log or none',
    tag: 'Settings',
    access,
    body: putEmailProviderBody,
    success: {
      status: 200,
      description: 'The settings saved: they win over the environment, on every replica within 5 s',
      schema: emailProviderResponse,
    },
  },
  deleteEmailProvider: {
    method: 'delete',
    path: '/v1/settings/email-provider',
    operationId: 'deleteEmailProviderSettings',
    summary: 'Forget the saved settings: emails are sent through the environment’s provider again',
    tag: 'Settings',
    access,
    success: {
      status: 204,
      description: 'Nothing is saved any more; every replica uses the environment within 5 s',
    },
  },
} satisfies Record<string, Operation>;
