import { Controller, Query } from '@nestjs/common';
import { notifications, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { ZodQueryPipe } from '../http/zod.pipes';
import { toDeliveryJson } from '../mappers/notifications.mappers';
import { Endpoint } from '../openapi/operation';
import { notificationsOperations as api } from './notifications.operations';
import {
  listDeliveriesQuery,
  type DeliveryPageResponse,
  type ListDeliveriesQuery,
} from './notifications.schemas';

const method = notifications.NotificationsService.method;

@Controller()
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.listDeliveries)
  async listDeliveries(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listDeliveriesQuery)) query: ListDeliveriesQuery,
  ): Promise<DeliveryPageResponse> {
    const page = await this.rpc.call(method.listDeliveries, { ...query, caller });
    return { items: page.deliveries.map(toDeliveryJson), nextCursor: page.nextCursor ?? null };
  }
}
