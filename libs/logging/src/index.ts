export {
  CORRELATION_HEADER,
  currentCorrelationId,
  newCorrelationId,
  withCorrelationId,
} from './correlation';
export { LoggingModule, loggerOptions, type LoggingOptions } from './logging.module';
export { REDACTED_PATHS } from './redaction';
