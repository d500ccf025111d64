import { loginBody } from '../auth/auth.schemas';
import type { Operation } from '../openapi/operation';
import { consoleSessionResponse } from './console-session.schemas';
import { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from './session-cookies';

const tag = 'Console session';

const csrfRefused = `The \`${CSRF_HEADER}\` header is missing or differs from the \`${CSRF_COOKIE}\` cookie`;

/**
 * The operator console's sign-in: the refresh token lives in the HttpOnly `onramp_console_refresh`
 * cookie, sent to these routes only, so that no script of the page can ever read it.
 */
export const consoleSessionOperations = {
  create: {
    method: 'post',
    path: '/v1/console/session',
    operationId: 'createConsoleSession',
    summary: 'Sign in to the console with email and password',
    tag,
    access: { public: true },
    strictRateLimit: true,
    body: loginBody,
    success: {
      status: 200,
      description: `An access token; the refresh token is set as the HttpOnly \`${REFRESH_COOKIE}\` cookie, with the \`${CSRF_COOKIE}\` cookie to repeat in \`${CSRF_HEADER}\``,
      schema: consoleSessionResponse,
    },
    problems: [401],
    problemDescriptions: { 401: 'The email and password do not match an active user' },
  },
  refresh: {
    method: 'post',
    path: '/v1/console/session/refresh',
    operationId: 'refreshConsoleSession',
    summary: "Exchange the session's refresh cookie (once) for a new access token",
    tag,
    access: { public: true },
    strictRateLimit: true,
    success: {
      status: 200,
      description: 'A new access token; both cookies are replaced',
      schema: consoleSessionResponse,
    },
    problems: [401, 403],
    problemDescriptions: {
      401: 'No refresh cookie, or its token is unknown, expired or already used (which ends its session); the cookies are cleared',
      403: csrfRefused,
    },
  },
  logout: {
    method: 'post',
    path: '/v1/console/session/logout',
    operationId: 'endConsoleSession',
    summary: "End the console's session and clear its cookies",
    tag,
    access: { public: false },
    success: { status: 204, description: 'The session has ended; its cookies are cleared' },
    problemDescriptions: { 403: csrfRefused },
  },
} satisfies Record<string, Operation>;
