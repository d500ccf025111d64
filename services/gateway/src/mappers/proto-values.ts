import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';

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
