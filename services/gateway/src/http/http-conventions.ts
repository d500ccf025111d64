import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { CORRELATION_HEADER, newCorrelationId, withCorrelationId } from '@onramp/logging';
import { ProblemDetailsFilter, sendProblem } from './problem-details.filter';
import { DomainError } from '@onramp/errors';
import { installMethodNotAllowed } from './method-not-allowed';
import { setSecurityHeaders } from './security-headers';
import { MAX_VIOLATIONS, unstorableText } from './unstorable-text';

/** Route config flag (set by `Endpoint`) of operations that declare no query parameters. */
export const NO_QUERY = 'noQuery';
/** Route config flag (set by `Endpoint`) of the operations that take a multipart upload. */
export const TAKES_UPLOAD = 'takesUpload';

declare module 'fastify' {
  interface FastifyContextConfig {
    [NO_QUERY]?: boolean;
    [TAKES_UPLOAD]?: boolean;
  }
}

/** Bodies above this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The gateway's Fastify options. Errors the router raises before any hook runs (a malformed URL,
 * a path segment over the length limit) are answered as problem+json like every other error.
 */
export const gatewayFastifyOptions: FastifyServerOptions = {
  bodyLimit: MAX_BODY_BYTES,
  frameworkErrors: (error, request, reply) => {
    setSecurityHeaders(request, reply);
    sendProblem(reply, request.url, new DomainError('validation_failed', error.message));
  },
};

/**
 * What every gateway answer shares: a correlation id (taken from the request or created) that the
 * rest of the request's work runs under and that is echoed back, no text that cannot be stored,
 * 405 for a method a path does not have, and errors as problem+json, also for failures Fastify
 * detects before Nest sees the request (bad JSON, wrong media type, size).
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
  installMethodNotAllowed(fastify);
  // Multipart bodies are read by the upload operations alone, and only multipart by them.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const multipart = request.isMultipart();
    const upload = request.routeOptions.config[TAKES_UPLOAD] === true;
    // No body at all is each operation's to refuse (400 where one is required).
    if (multipart === upload || request.headers['content-type'] === undefined) {
      done();
      return;
    }
    done(
      new DomainError(
        'unsupported_media_type',
        upload ? 'this endpoint takes multipart/form-data' : 'this endpoint takes application/json',
      ),
    );
  });
  // Text no service could store is refused here, once for every route and every string, before
  // authentication or any service sees the request (form pages answer it as their own page).
  fastify.addHook('preValidation', (request, _reply, done) => {
    const violations = [
      ...unstorableText(request.params, 'path'),
      ...unstorableText(request.query, 'query'),
      ...unstorableText(request.body, 'body'),
    ];
    if (violations.length > 0) {
      done(
        new DomainError(
          'validation_failed',
          'the request contains text with a character that cannot be stored',
          violations.slice(0, MAX_VIOLATIONS),
        ),
      );
      return;
    }
    done();
  });
  // An operation without query parameters refuses any, as strict schemas refuse unknown fields.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const names = Object.keys(request.query ?? {});
    if (request.routeOptions.config[NO_QUERY] === true && names.length > 0) {
      done(
        new DomainError(
          'validation_failed',
          'this endpoint takes no query parameters',
          names.map((field) => ({ field, message: 'is not a parameter of this endpoint' })),
        ),
      );
      return;
    }
    done();
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
}
