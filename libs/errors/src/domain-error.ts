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
  ) {
    super(detail);
  }
}
