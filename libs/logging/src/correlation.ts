import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id enters at the gateway (taken from this header, or created there), travels in
 * the same header on every NATS message, and appears on every log line written while handling it.
 */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied id is kept only if it is short and printable, so it cannot poison logs. */
export function newCorrelationId(supplied?: string | string[]): string {
  const value = Array.isArray(supplied) ? supplied[0] : supplied;
  return value !== undefined && acceptable.test(value) ? value : randomUUID();
}

export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
