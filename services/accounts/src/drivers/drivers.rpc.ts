import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { driverMessage, listedDriverMessage } from './driver-message';
import { DriversService } from './drivers.service';

const methods = accounts.AccountsService.method;

/** The NATS face of drivers. */
@Injectable()
export class DriversRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly drivers: DriversService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.getDriver, async (request) => ({
      driver: driverMessage(
        await this.drivers.get(requireCaller(request.caller), request.accountId, request.userId),
      ),
    }));
    this.rpc.handle(methods.listDrivers, async (request) => {
      const { items, nextCursor } = await this.drivers.list(requireCaller(request.caller), request);
      return { drivers: items.map(listedDriverMessage), nextCursor };
    });
    this.rpc.handle(methods.updateDriver, async (request) => ({
      driver: driverMessage(await this.drivers.update(requireCaller(request.caller), request)),
    }));
  }
}
