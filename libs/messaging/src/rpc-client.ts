import { Inject, Injectable } from '@nestjs/common';
import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { common, rpcSubject } from '@onramp/contracts';
import { DomainError, isErrorCode } from '@onramp/errors';
import { ERROR_HEADER, outgoingHeaders } from './headers';
import { NATS_CONNECTION } from './nats-connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';

/** Typed request/reply over NATS; a remote failure comes back as the same DomainError. */
@Injectable()
export class RpcClient {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async call<Input extends DescMessage, Output extends DescMessage>(
    method: DescMethodUnary<Input, Output>,
    request: MessageInitShape<Input>,
  ): Promise<MessageShape<Output>> {
    const subject = rpcSubject(method);
    const payload = toBinary(method.input, create(method.input, request));
    let reply;
    try {
      reply = await this.connection.request(subject, payload, {
        timeout: this.options.rpcTimeoutMs,
        headers: outgoingHeaders(),
      });
    } catch (error) {
      throw translateTransportError(error, subject);
    }
    if (reply.headers?.get(ERROR_HEADER)) {
      const remote = fromBinary(common.ErrorReplySchema, reply.data);
      throw new DomainError(
        isErrorCode(remote.code) ? remote.code : 'internal',
        remote.detail,
        remote.violations.map(({ field, message }) => ({ field, message })),
        remote.retryAfterSeconds || undefined,
      );
    }
    return fromBinary(method.output, reply.data);
  }
}

function translateTransportError(error: unknown, subject: string): DomainError {
  if (
    error instanceof errors.NoRespondersError ||
    (error instanceof errors.RequestError && error.isNoResponders())
  ) {
    return DomainError.serviceUnavailable(`no service answers ${subject}`);
  }
  if (
    error instanceof errors.TimeoutError ||
    (error instanceof Error && error.cause instanceof errors.TimeoutError)
  ) {
    return new DomainError('upstream_timeout', `${subject} did not answer in time`);
  }
  return DomainError.serviceUnavailable(`${subject} could not be reached`);
}
