import { createHash } from 'node:crypto';
import type { Timestamp } from '@bufbuild/protobuf/wkt';

/**
 * Pieces of a delivery's event key (see DeliveryRequest.eventKey): stable across redeliveries of
 * one event, and never a secret in the clear.
 */

/** A moment to the nanosecond, or "-" when the event has none. */
export function momentKey(timestamp: Timestamp | undefined): string {
  return timestamp ? `${timestamp.seconds}.${timestamp.nanos}` : '-';
}

/** Stands in for a token (or any secret) in a key: the same for the same token, useless to a reader. */
export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
