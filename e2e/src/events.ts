import { fromBinary, type Message } from '@bufbuild/protobuf';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventSubject, type EventSchema } from '@onramp/contracts';

/**
 * Reads a service's published events from JetStream the way a consumer such as notifications
 * does, and returns the first one matching `predicate`. The stream is named after the service.
 */
export async function awaitEvent<Event extends Message>(
  natsUrl: string,
  schema: EventSchema<Event>,
  predicate: (event: Event) => boolean,
  timeoutMs = 20_000,
): Promise<Event> {
  const subject = eventSubject(schema);
  const stream = `${subject.split('.')[0].toUpperCase()}_EVENTS`;
  const connection = await connect({ servers: natsUrl });
  const deadline = Date.now() + timeoutMs;
  try {
    const js = jetstream(connection);
    while (Date.now() < deadline) {
      const consumer = await js.consumers
        .get(stream, { filter_subjects: subject })
        .catch(() => undefined);
      if (consumer !== undefined) {
        const messages = await consumer.fetch({ max_messages: 1000, expires: 1_000 });
        for await (const message of messages) {
          const event = fromBinary(schema, message.data);
          if (predicate(event)) return event;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no ${subject} event matched within ${timeoutMs} ms`);
  } finally {
    await connection.close();
  }
}
