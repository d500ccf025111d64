import type { JetStreamClient } from '@nats-io/jetstream';
import { headers, type MsgHdrs } from '@nats-io/transport-node';
import type { Database } from '@onramp/persistence';
import { DeadLetterStore, type ParkedMessage } from './dead-letter-store';

/** On a replayed message: the one consumer it is for; every other consumer of the subject skips it. */
const REPLAY_FOR_HEADER = 'Onramp-Replay-For';
/** On a replayed message: the id it first had, which the consumer handles it under again. */
const REPLAY_OF_HEADER = 'Onramp-Replay-Of';

/** What a replayed message says about itself, or undefined for an ordinary message. */
export function replayOf(
  messageHeaders: MsgHdrs | undefined,
): { consumer: string; messageId: string } | undefined {
  const consumer = messageHeaders?.get(REPLAY_FOR_HEADER);
  const messageId = messageHeaders?.get(REPLAY_OF_HEADER);
  return consumer && messageId ? { consumer, messageId } : undefined;
}

/** The headers a message came with, as stored with its dead letter (replay markers left out). */
export function storedHeaders(messageHeaders: MsgHdrs | undefined): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const [key, values] of messageHeaders ?? [])
    if (key !== REPLAY_FOR_HEADER && key !== REPLAY_OF_HEADER && key !== 'Nats-Msg-Id')
      stored[key] = values[0] ?? '';
  return stored;
}

/**
 * Republishes parked messages (one by id, or every one of a consumer) to their subject, with
 * their bytes and headers as they came, for their consumer alone: it handles each under its first
 * message id, so its idempotency holds, while the subject's other consumers, which handled it
 * already, skip it. The dead letter's id is the new message id, so a replay repeated after a crash
 * is dropped by JetStream's duplicate window.
 */
export function replayDeadLetters(
  database: Database,
  js: JetStreamClient,
  schema: string,
  which: { id: string } | { consumer: string },
): Promise<ParkedMessage[]> {
  return database.$transaction(async (transaction) => {
    const store = new DeadLetterStore(transaction, schema);
    const parked = await store.takeParked(which);
    for (const message of parked) {
      const replayHeaders = headers();
      for (const [key, value] of Object.entries(message.headers)) replayHeaders.set(key, value);
      replayHeaders.set(REPLAY_FOR_HEADER, message.consumer);
      replayHeaders.set(REPLAY_OF_HEADER, message.messageId);
      await js.publish(message.subject, message.payload, {
        msgID: message.id,
        headers: replayHeaders,
      });
      await store.markReplayed(message.id);
    }
    return parked;
  });
}
