import { sha256Hex } from '../deliveries/event-keys';

/**
 * What a delivery keeps instead of an erased user's address: still tells two erased recipients
 * apart in the delivery log (and counts their emails), no longer names anyone.
 */
export function erasedRecipient(address: string): string {
  return `erased:${sha256Hex(address.toLowerCase()).slice(0, 16)}`;
}

export function isErasedRecipient(recipient: string): boolean {
  return recipient.startsWith('erased:');
}

/** The personal fields a webhook body's `data` may carry (see event-sources.ts' mappers). */
const PERSONAL_FIELDS = ['email', 'name', 'recipient'] as const;

/**
 * The webhook body with the personal fields of its `data` set to null, or undefined when it has
 * none left to clear. Ids stay: they name no one outside the platform, and partners need them to
 * erase the user on their side too.
 */
export function redactedWebhookBody(body: string): string | undefined {
  const parsed = JSON.parse(body) as { data?: Record<string, unknown> };
  const { data } = parsed;
  if (data === undefined) return undefined;
  const present = PERSONAL_FIELDS.filter(
    (field) => data[field] !== null && data[field] !== undefined,
  );
  if (present.length === 0) return undefined;
  for (const field of present) data[field] = null;
  return JSON.stringify(parsed);
}
