import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { common, rpcSubject } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { newCorrelationId, withCorrelationId } from '@onramp/logging';
import { databaseUnavailableError } from '@onramp/persistence';
import { describeError } from './describe-error';
import { correlationIdOf, ERROR_HEADER } from './headers';
import { InFlight } from './in-flight';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { NATS_CONNECTION } from './nats-connection';

type Handler<Input extends DescMessage, Output extends DescMessage> = (
  request: MessageShape<Input>,
) => Promise<MessageInitShape<Output>>;

/**
 * Serves RPCs declared in `proto/`. Replicas share a queue group, so each request is handled once.
 * A request that cannot be decoded, or a DomainError from the handler, becomes an ErrorReply the
 * caller turns back into the same DomainError. A database that is unavailable answers
 * `service_unavailable` (503 with Retry-After at the gateway), since the same request succeeds
 * once it is back; anything else is logged with an error id.
 */
@Injectable()
export class RpcServer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('RpcServer');
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new InFlight();

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  handle<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    handler: Handler<Input, Output>,
  ): void {
    const subject = rpcSubject(method);
    const subscription = this.connection.subscribe(subject, {
      queue: this.options.service,
      callback: (error, message) => {
        if (error !== null) {
          this.logger.error(`subscription to ${subject} failed: ${error.message}`);
          return;
        }
        void this.inFlight.track(this.serve(method, handler, message));
      },
    });
    this.subscriptions.push(subscription);
  }

  /** Stops taking requests, then waits for the ones being handled to answer. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.drain()));
    await this.inFlight.settled();
  }

  private serve<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    handler: Handler<Input, Output>,
    message: Msg,
  ): Promise<void> {
    return withCorrelationId(correlationIdOf(message.headers) ?? newCorrelationId(), async () => {
      try {
        let request: MessageShape<Input>;
        try {
          request = fromBinary(method.input, message.data);
        } catch {
          throw new DomainError(
            'validation_failed',
            `the request to ${method.name} could not be decoded`,
          );
        }
        const response = await handler(request);
        message.respond(toBinary(method.output, create(method.output, response)));
        this.logger.log(`served ${message.subject}`);
      } catch (error) {
        message.respond(toBinary(common.ErrorReplySchema, this.errorReply(error, method.name)), {
          headers: errorHeaders(),
        });
      }
    });
  }

  private errorReply(error: unknown, methodName: string): common.ErrorReply {
    const unavailable = databaseUnavailableError(error);
    if (unavailable !== undefined)
      this.logger.warn(
        `${methodName} failed: the database is unavailable (${describeError(error)})`,
      );
    const domainError = unavailable ?? error;
    if (domainError instanceof DomainError) {
      return create(common.ErrorReplySchema, {
        code: domainError.code,
        detail: domainError.detail,
        violations: [...domainError.violations],
        retryAfterSeconds: domainError.retryAfterSeconds ?? 0,
      });
    }
    const errorId = randomUUID();
    this.logger.error({ err: error, errorId }, `${methodName} failed`);
    return create(common.ErrorReplySchema, {
      code: 'internal',
      detail: `internal error (error id ${errorId})`,
    });
  }
}

function errorHeaders() {
  const result = headers();
  result.set(ERROR_HEADER, '1');
  return result;
}
