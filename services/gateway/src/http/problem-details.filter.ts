import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  PROBLEM_CONTENT_TYPE,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  toProblemDetails,
  type ErrorCode,
} from '@onramp/errors';
import { currentCorrelationId } from '@onramp/logging';

const statusCodes: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const logger = new Logger('Problem');

/** Every error leaves the gateway as RFC 9457 problem details; a 5xx carries a logged error id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    sendProblem(http.getResponse<FastifyReply>(), request.url, asDomainError(exception));
  }
}

export function sendProblem(reply: FastifyReply, instance: string, error: unknown): void {
  const errorId = randomUUID();
  const problem = toProblemDetails(error, {
    instance: instance.split('?')[0],
    correlationId: currentCorrelationId(),
    errorId,
  });
  if (problem.status >= 500)
    logger.error({ err: error, errorId }, `request failed with ${problem.status}`);
  const retryAfterSeconds = retryAfterOf(error, problem.status);
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  // RFC 9110: a 401 names the scheme that would be accepted.
  if (problem.code === 'unauthenticated') void reply.header('www-authenticate', 'Bearer');
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * When the caller may try again: what the error says, and for every 503 at least the usual wait,
 * so that clients back off from a dependency that is down instead of retrying at once.
 */
function retryAfterOf(error: unknown, status: number): number | undefined {
  const given = error instanceof DomainError ? error.retryAfterSeconds : undefined;
  return given ?? (status === 503 ? SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS : undefined);
}

/**
 * Nest hands this filter its own HttpExceptions and, converted into HttpExceptions, the errors
 * Fastify raises before a handler runs (bad JSON, 413, 415, unknown route). Any other 4xx is the
 * client's mistake too, so it stays a 4xx.
 */
function asDomainError(exception: unknown): unknown {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      statusCodes[status] ?? (status >= 400 && status < 500 ? 'validation_failed' : undefined);
    return code === undefined ? exception : new DomainError(code, exception.message);
  }
  return exception;
}
