import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';

/**
 * When an event happened, as its producer recorded it; now for an event without the field.
 * Consumers that apply changes out of order compare these, never the time they handle them.
 */
export function occurredAt(event: { occurredAt?: Timestamp }): Date {
  return event.occurredAt === undefined ? new Date() : timestampDate(event.occurredAt);
}
