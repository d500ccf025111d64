import type { ErrorCode } from './error-kinds';

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
    /** For `rate_limited`: when the caller may try again (HTTP `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }

  static rateLimited(detail: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', detail, [], Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}
