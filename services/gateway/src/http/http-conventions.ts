import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { CORRELATION_HEADER, newCorrelationId, withCorrelationId } from '@onramp/logging';
import { ProblemDetailsFilter, sendProblem } from './problem-details.filter';
import { DomainError, type ErrorCode } from '@onramp/errors';

/** Bodies above this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The gateway's Fastify options. Errors the router raises before any hook runs (a malformed URL,
 * a path segment over the length limit) are answered as problem+json like every other error.
 */
export const gatewayFastifyOptions: FastifyServerOptions = {
  bodyLimit: MAX_BODY_BYTES,
  frameworkErrors: (error, request, reply) => {
    sendProblem(reply, request.url, new DomainError('validation_failed', error.message));
  },
};

/**
 * What every gateway answer shares: a correlation id (taken from the request or created) that the
 * rest of the request's work runs under and that is echoed back, and errors as problem+json, also
 * for failures Fastify detects before Nest sees the request (bad JSON, wrong media type, size).
 */
export function installHttpConventions(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: other media types get 415 instead of reaching validation as text.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = newCorrelationId(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
    withCorrelationId(correlationId, done);
  });
  // Fastify's own failures and those of its plugins (the rate limiter answers with a DomainError).
  fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    sendProblem(
      reply,
      request.url,
      error instanceof DomainError
        ? error
        : new DomainError(codeForStatus(error.statusCode ?? 500), error.message),
    );
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 429:
      return 'rate_limited';
    default:
      return status >= 400 && status < 500 ? 'validation_failed' : 'internal';
  }
}
