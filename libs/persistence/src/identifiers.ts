const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a Postgres identifier that comes from our own configuration, refusing anything unusual. */
export function quoteIdentifier(name: string): string {
  if (!identifier.test(name)) {
    throw new Error(`"${name}" is not an acceptable Postgres identifier`);
  }
  return `"${name}"`;
}
