import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { DriverImportsService } from './driver-imports.service';

const methods = accounts.AccountsService.method;

/** The NATS face of the drivers import and lookup. */
@Injectable()
export class DriverImportsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: DriverImportsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.importDrivers, async (request) => ({
      results: await this.imports.import(requireCaller(request.caller), request),
    }));
    this.rpc.handle(methods.lookupDrivers, async (request) => ({
      drivers: await this.imports.lookup(requireCaller(request.caller), request.keys),
    }));
  }
}
