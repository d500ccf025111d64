const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids travel as text; one that is not a UUID names nothing (and must not reach Postgres). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
