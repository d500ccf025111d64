/** Names compare case-insensitively and without surrounding spaces (unique keys, search, sort). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Text for a LIKE pattern (what Prisma's `contains` builds) matched literally: Prisma passes `%`,
 * `_` and the escape character `\` through as wildcards.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
