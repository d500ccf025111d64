import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError, errorKinds } from '@onramp/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STRICT_RATE_LIMIT } from '../http/rate-limits';
import { PAGE_HEADERS } from './html';

export interface PageOutcome {
  status: number;
  html: string;
  /** For 429 and 503 answers: when to try again (`Retry-After`). */
  retryAfterSeconds?: number;
}

/** A request a page could not answer itself, for the page to explain in its own words. */
export interface PageFailure {
  status: number;
  retryAfterSeconds?: number;
  /** Set on 5xx answers and logged with the error, so that support can find it. */
  errorId?: string;
}

/**
 * What a failure means to the person at the page, which each page says in its own words: too many
 * attempts, a request that was not a readable form, a service that is down (no error id), or an
 * error support can look up by its id.
 */
export type FailureKind =
  | { kind: 'rate_limited'; retryAfterSeconds: number | undefined }
  | { kind: 'unreadable_form' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; errorId: string };

export function failureKind({ status, retryAfterSeconds, errorId }: PageFailure): FailureKind {
  if (status === 429) return { kind: 'rate_limited', retryAfterSeconds };
  if (status < 500) return { kind: 'unreadable_form' };
  if (errorId === undefined) return { kind: 'unavailable' };
  return { kind: 'failed', errorId };
}

const MAX_FORM_BYTES = 16 * 1024;

/** Routes of form pages are limited per client IP, like every credential-guessing route. */
export const PAGE_ROUTE_CONFIG = { [STRICT_RATE_LIMIT]: true };

const logger = new Logger('Page');

export function sendPage(reply: FastifyReply, outcome: PageOutcome): FastifyReply {
  void reply.status(outcome.status).headers(PAGE_HEADERS);
  if (outcome.retryAfterSeconds !== undefined) {
    void reply.header('retry-after', String(outcome.retryAfterSeconds));
  }
  return reply.send(outcome.html);
}

/**
 * Pages that post HTML forms (no JavaScript needed). This plugin scope takes form bodies and
 * nothing else, and only it takes them, which keeps their parser away from the JSON API. What a page's handler does not answer
 * itself (the per-IP limit, a form too large or not a form, a service that is down) is answered
 * as a page too, never as JSON.
 */
export async function installFormPages(
  app: NestFastifyApplication,
  routes: (scope: FastifyInstance) => void,
  failurePage: (failure: PageFailure, request: FastifyRequest) => PageOutcome,
): Promise<void> {
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
      (_request, body, parsed) => parsed(null, new URLSearchParams(String(body))),
    );
    scope.setErrorHandler((error, request, reply) =>
      sendPage(reply, failurePage(failureOf(error), request)),
    );
    routes(scope);
    done();
  });
}

/** The fields of a posted form; anything that is not one reads as an empty form. */
export function formFields(request: FastifyRequest): URLSearchParams {
  return request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
}

function failureOf(error: unknown): PageFailure {
  if (error instanceof DomainError && error.code !== 'internal') {
    return { status: errorKinds[error.code].status, retryAfterSeconds: error.retryAfterSeconds };
  }
  // Fastify's own refusals (form too large, another media type) carry their 4xx status.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status };
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, 'page failed with 500');
  return { status: 500, errorId };
}
