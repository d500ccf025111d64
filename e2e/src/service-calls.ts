import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { roles } from '@onramp/authz';
import { common, rpcSubject } from '@onramp/contracts';
import { ERROR_HEADER } from '@onramp/messaging';
import type { Stack } from './stack';

/**
 * Calls services over NATS the way another service does, for the methods no public route
 * reaches (such as what only the import service sends).
 */
export class ServiceCalls {
  private constructor(private readonly connection: NatsConnection) {}

  static async of(stack: Stack): Promise<ServiceCalls> {
    return new ServiceCalls(await connect({ servers: stack.infrastructure.natsUrl }));
  }

  /** A caller holding platform_admin, as the gateway would pass it on for that user. */
  static platformAdmin(userId: string): MessageInitShape<typeof common.CallerSchema> {
    return {
      userId,
      grants: [
        {
          platform: true,
          roles: ['platform_admin'],
          permissions: [...roles.platform_admin.permissions],
        },
      ],
    };
  }

  async call<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    request: MessageInitShape<Input>,
  ): Promise<MessageShape<Output>> {
    const reply = await this.connection.request(
      rpcSubject(method),
      toBinary(method.input, create(method.input, request)),
      { timeout: 10_000 },
    );
    if (reply.headers?.get(ERROR_HEADER)) {
      const error = fromBinary(common.ErrorReplySchema, reply.data);
      throw new Error(`${error.code}: ${error.detail}`);
    }
    return fromBinary(method.output, reply.data);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
