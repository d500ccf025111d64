import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { UsersService } from './users.service';

/** The NATS face of users: decodes requests, calls the service, encodes replies. */
@Injectable()
export class UsersRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(identity.IdentityService.method.createUser, async (request) => {
      const user = await this.users.create({ email: request.email, name: request.name });
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          createdAt: timestampFromDate(user.createdAt),
        },
      };
    });
  }
}
