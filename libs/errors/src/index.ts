export {
  DomainError,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  type FieldViolation,
} from './domain-error';
export { errorKinds, isErrorCode, type ErrorCode } from './error-kinds';
export { toProblemDetails, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
