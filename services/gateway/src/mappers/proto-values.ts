import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { DomainError } from '@onramp/errors';

// proto3 has no null: an unset timestamp, or a string left empty, is what JSON calls null.

export function isoOrNull(value: Timestamp | undefined): string | null {
  return value === undefined ? null : timestampDate(value).toISOString();
}

export function nonEmptyOrNull(value: string): string | null {
  return value === '' ? null : value;
}

/** A JSON null that clears a field becomes proto's empty string; absent stays absent. */
export function emptyIfNull(value: string | null | undefined): string | undefined {
  return value === null ? '' : value;
}

/** A field a service always sets; its absence is that service's bug, not the client's. */
export function answered<T>(
  service: 'identity' | 'accounts' | 'invitations' | 'notifications' | 'import',
  value: T | undefined,
  what: string,
): T {
  if (value === undefined) throw new DomainError('internal', `${service} answered without ${what}`);
  return value;
}
