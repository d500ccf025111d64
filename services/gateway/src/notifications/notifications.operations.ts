import type { Operation } from '../openapi/operation';
import { deliveryPageResponse, listDeliveriesQuery } from './notifications.schemas';

export const notificationsOperations = {
  listDeliveries: {
    method: 'get',
    path: '/v1/notifications/deliveries',
    operationId: 'listDeliveries',
    summary: 'List the emails sent or attempted, newest first, a page at a time',
    tag: 'Notifications',
    // The notifications service also requires the permission on the platform itself.
    access: { public: false, permission: 'notifications.read' },
    query: listDeliveriesQuery,
    success: { status: 200, description: 'A page of deliveries', schema: deliveryPageResponse },
  },
} satisfies Record<string, Operation>;
