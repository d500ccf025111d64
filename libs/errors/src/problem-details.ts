import { DomainError, type FieldViolation } from './domain-error';
import { errorKinds, type ErrorCode } from './error-kinds';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with Onramp's extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  correlationId?: string;
  /** Present on 5xx answers: the id under which the failure was logged. */
  errorId?: string;
  violations?: FieldViolation[];
}

interface ProblemContext {
  instance?: string;
  correlationId?: string;
  errorId?: string;
}

/** Maps any error to problem details. Errors that are not domain errors never leak their message. */
export function toProblemDetails(error: unknown, context: ProblemContext = {}): ProblemDetails {
  const code: ErrorCode = error instanceof DomainError ? error.code : 'internal';
  const kind = errorKinds[code];
  const problem: ProblemDetails = {
    type: `urn:onramp:problem:${code.replaceAll('_', '-')}`,
    title: kind.title,
    status: kind.status,
    detail: error instanceof DomainError ? error.detail : kind.title,
    code,
    ...context,
  };
  if (error instanceof DomainError && error.violations.length > 0) {
    problem.violations = [...error.violations];
  }
  if (problem.status < 500) {
    delete problem.errorId;
  }
  return problem;
}
