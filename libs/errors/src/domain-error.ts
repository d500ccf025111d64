import type { ErrorCode } from './error-kinds';

/**
 * What a 503 tells the caller to wait (HTTP `Retry-After`, seconds): a dependency that is down
 * (a database restarting, a service with no replica up) is usually back within seconds, and
 * clients that retry sooner would only add to the load of its recovery.
 */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

export interface FieldViolation {
  /** Dotted path of the offending field, e.g. `contact.email`. */
  field: string;
  message: string;
}

/**
 * An error the caller can act on. It crosses NATS unchanged (code, detail, violations) and becomes
 * an `application/problem+json` answer at the gateway. Its detail must be safe to show to clients.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly violations: readonly FieldViolation[] = [],
    /** For `rate_limited` and `service_unavailable`: when the caller may try again (HTTP `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }

  static rateLimited(detail: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', detail, [], Math.max(1, Math.ceil(retryAfterSeconds)));
  }

  /** A dependency is down for now: the same request is worth repeating after a short wait. */
  static serviceUnavailable(detail: string): DomainError {
    return new DomainError(
      'service_unavailable',
      detail,
      [],
      SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
    );
  }
}
