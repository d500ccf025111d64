import { Injectable, type OnModuleInit } from '@nestjs/common';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { deliveryMessage } from './delivery-message';
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
