import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  createdWebhookResponse,
  createWebhookBody,
  eventTypeListResponse,
  listWebhookDeliveriesQuery,
  listWebhooksQuery,
  signatureDescription,
  webhookDeliveryPageResponse,
  webhookPageResponse,
  webhookResponse,
} from './webhooks.schemas';

const tag = 'Webhooks';
// Where webhooks.manage must hold (the endpoint's account, or the platform) is the notifications
// service's decision; endpoints the caller may not manage answer 404.
const access = { public: false, permission: 'webhooks.manage' } as const;

export const webhooksOperations = {
  eventTypes: {
    method: 'get',
    path: '/v1/webhooks/event-types',
    operationId: 'listWebhookEventTypes',
    summary: 'The event types an endpoint may subscribe to',
    tag,
    access,
    success: { status: 200, description: 'Every public event type', schema: eventTypeListResponse },
  },
  list: {
    method: 'get',
    path: '/v1/webhooks',
    operationId: 'listWebhooks',
    summary: 'List the webhook endpoints the caller may manage, newest first, a page at a time',
    tag,
    access,
    query: listWebhooksQuery,
    success: { status: 200, description: 'A page of endpoints', schema: webhookPageResponse },
  },
  create: {
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'createWebhook',
    summary: 'Register an HTTPS endpoint for an account’s (or every) event of the types given',
    tag,
    access,
    body: createWebhookBody,
    success: {
      status: 201,
      description: `The endpoint and, this once, its signing secret. ${signatureDescription}`,
      schema: createdWebhookResponse,
    },
    problems: [409],
  },
  get: {
    method: 'get',
    path: '/v1/webhooks/{id}',
    operationId: 'getWebhook',
    summary: 'Read an endpoint: its status, and why it was disabled',
    tag,
    access,
    params: idParams,
    success: { status: 200, description: 'The endpoint', schema: webhookResponse },
    problems: [404],
  },
  deliveries: {
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'An endpoint’s delivery log, newest first, a page at a time',
    tag,
    access,
    params: idParams,
    query: listWebhookDeliveriesQuery,
    success: {
      status: 200,
      description: 'A page of deliveries',
      schema: webhookDeliveryPageResponse,
    },
    problems: [404],
  },
  enable: {
    method: 'post',
    path: '/v1/webhooks/{id}/enable',
    operationId: 'enableWebhook',
    summary: 'Enable a disabled endpoint again; events of the time it was disabled are not sent',
    tag,
    access,
    params: idParams,
    success: { status: 200, description: 'The endpoint, enabled', schema: webhookResponse },
    problems: [404],
  },
  delete: {
    method: 'delete',
    path: '/v1/webhooks/{id}',
    operationId: 'deleteWebhook',
    summary: 'Delete an endpoint with its delivery log; nothing more is sent to it',
    tag,
    access,
    params: idParams,
    success: { status: 204, description: 'The endpoint was deleted' },
    problems: [404],
  },
} satisfies Record<string, Operation>;
