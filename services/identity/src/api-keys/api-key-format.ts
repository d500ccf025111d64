/**
 * An API key reads `onr_<key id, hex without dashes>_<secret>`: the id finds the row by primary
 * key, the secret is compared with the stored hash. The `onr_` prefix lets secret scanners spot
 * leaked keys.
 */
const FORMAT = /^onr_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function formatApiKey(id: string, secret: string): string {
  return `onr_${id.replaceAll('-', '')}_${secret}`;
}

/** What owners see to tell keys apart; it does not weaken the secret. */
export function displayPrefix(id: string): string {
  return `onr_${id.replaceAll('-', '').slice(0, 8)}`;
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = FORMAT.exec(key);
  if (match === null) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}
