import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { CORRELATION_HEADER, currentCorrelationId } from '@onramp/logging';

/** Set on an RPC reply that carries an `ErrorReply` instead of the method's response. */
export const ERROR_HEADER = 'Onramp-Error';

/** Headers every outgoing message carries: the correlation id of the work that sent it. */
export function outgoingHeaders(): MsgHdrs {
  const result = headers();
  const correlationId = currentCorrelationId();
  if (correlationId !== undefined) result.set(CORRELATION_HEADER, correlationId);
  return result;
}

export function correlationIdOf(messageHeaders: MsgHdrs | undefined): string | undefined {
  return messageHeaders?.get(CORRELATION_HEADER) || undefined;
}
