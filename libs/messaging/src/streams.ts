import { type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/**
 * JetStream drops a message whose Nats-Msg-Id it saw within the duplicate window. The outbox relay
 * retries within seconds, so ten minutes leaves a wide margin even across a NATS restart.
 */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Events of a service live in one stream named after it: `identity.*` events in IDENTITY_EVENTS. */
export function streamFor(eventSubject: string): { name: string; subjects: string[] } {
  const [service] = eventSubject.split('.');
  return { name: `${service.toUpperCase()}_EVENTS`, subjects: [`${service}.>`] };
}

/** Creates the stream if missing; producers and consumers both call it, whoever starts first. */
export async function ensureStream(
  manager: JetStreamManager,
  eventSubject: string,
  replicas = 1,
): Promise<string> {
  const { name, subjects } = streamFor(eventSubject);
  try {
    await manager.streams.info(name);
  } catch {
    try {
      await manager.streams.add({
        name,
        subjects,
        num_replicas: replicas,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      });
    } catch (error) {
      // Another process may have created it between our two calls; anything else is a failure.
      const createdMeanwhile = await manager.streams.info(name).then(
        () => true,
        () => false,
      );
      if (!createdMeanwhile) throw error;
    }
  }
  return name;
}
