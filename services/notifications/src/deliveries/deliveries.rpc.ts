import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import type { Delivery } from '../generated/prisma/client';
import { DeliveryLogService } from './delivery-log.service';

const methods = notifications.NotificationsService.method;

/** The NATS face of the delivery log. */
@Injectable()
export class DeliveriesRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly log: DeliveryLogService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.listDeliveries, async (request) => {
      const { items, nextCursor } = await this.log.list(requireCaller(request.caller), request);
      return { deliveries: items.map(deliveryMessage), nextCursor };
    });
  }
}

/** Only what the record holds: a delivery never stores the body or the token it carried. */
function deliveryMessage(delivery: Delivery) {
  return {
    id: delivery.id,
    recipient: delivery.recipient,
    template: delivery.template,
    language: delivery.language,
    sourceEvent: delivery.sourceSubject,
    status: delivery.status,
    attempts: delivery.attempts,
    providerMessageId: delivery.providerMessageId ?? '',
    lastError: delivery.lastError ?? '',
    createdAt: timestampFromDate(delivery.createdAt),
    sentAt: delivery.sentAt === null ? undefined : timestampFromDate(delivery.sentAt),
  };
}
