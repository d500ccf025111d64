import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '@onramp/errors';
import type { FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER } from './session-cookies';

/**
 * Double submit: a page of another origin can make the browser send the cookie, but cannot read
 * it to put it in the header as well. Compared in constant time, so that the answer's timing
 * tells nothing about how much of a guess was right.
 */
export function assertCsrfToken(request: FastifyRequest): void {
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  if (
    typeof header !== 'string' ||
    header === '' ||
    cookie === undefined ||
    !same(header, cookie)
  ) {
    throw new DomainError(
      'forbidden',
      `the ${CSRF_HEADER} header must repeat the ${CSRF_COOKIE} cookie`,
    );
  }
}

function same(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
