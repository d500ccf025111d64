import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { common, identity, rpcSubject } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { ERROR_HEADER } from '@onramp/messaging';

/** A bearer token the stand-in identity accepts, and the grant it resolves to. */
export interface TokenGrant {
  platform?: boolean;
  accountIds?: string[];
  permissions: string[];
}

/**
 * Stands in for the identity service on NATS, answering the RPCs a test names, so the gateway's
 * own behaviour (authentication, permission checks, mapping) is tested without identity.
 */
export class FakeIdentity {
  /** The last request each subject received. */
  readonly received = new Map<string, unknown>();

  private constructor(private readonly connection: NatsConnection) {}

  static async connect(natsUrl: string): Promise<FakeIdentity> {
    return new FakeIdentity(await connect({ servers: natsUrl }));
  }

  /** Answers `method` with `handle`, from the moment the server knows of it (when this resolves). */
  async answer<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    handle: (request: MessageShape<Input>) => MessageInitShape<Output>,
  ): Promise<void> {
    const subject = rpcSubject(method);
    this.connection.subscribe(subject, {
      callback: (_error, message) => {
        const request = fromBinary(method.input, message.data);
        this.received.set(subject, request);
        try {
          message.respond(toBinary(method.output, create(method.output, handle(request))));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const reply = headers();
          reply.set(ERROR_HEADER, '1');
          const payload = create(common.ErrorReplySchema, {
            code: error.code,
            detail: error.detail,
            violations: [...error.violations],
            retryAfterSeconds: error.retryAfterSeconds ?? 0,
          });
          message.respond(toBinary(common.ErrorReplySchema, payload), { headers: reply });
        }
      },
    });
    // The gateway requests on its own connection: without the round trip, a request made at once
    // could reach the server before this subscription and find no responder.
    await this.connection.flush();
  }

  /** Answers authentication as identity would: each known token resolves to one grant. */
  acceptTokens(userId: string, tokens: Record<string, TokenGrant>): Promise<void> {
    return this.answer(identity.IdentityService.method.authenticate, ({ credential }) => {
      const grant = credential.value === undefined ? undefined : tokens[credential.value];
      if (grant === undefined) throw new DomainError('unauthenticated', 'unknown credential');
      return { caller: { userId, grants: [{ platform: false, accountIds: [], ...grant }] } };
    });
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}
