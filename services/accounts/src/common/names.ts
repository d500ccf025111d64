/** Names compare case-insensitively and without surrounding spaces (unique keys, search, sort). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
