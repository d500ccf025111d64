import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { notifications } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { BouncesService } from './bounces.service';
import { deliveryMessage } from './delivery-message';
import { DeliveryLogService } from './delivery-log.service';

const methods = notifications.NotificationsService.method;

/** The NATS face of the delivery log and of the bounces providers report. */
@Injectable()
export class DeliveriesRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly log: DeliveryLogService,
    private readonly bounces: BouncesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.listDeliveries, async (request) => {
      const { items, nextCursor } = await this.log.list(requireCaller(request.caller), request);
      return { deliveries: items.map(deliveryMessage), nextCursor };
    });
    this.rpc.handle(methods.recordEmailBounce, async (request) => ({
      outcome: await this.bounces.record({
        ...request,
        occurredAt:
          request.occurredAt === undefined ? undefined : timestampDate(request.occurredAt),
      }),
    }));
  }
}
