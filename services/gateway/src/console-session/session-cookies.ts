import { randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/** The routes of the console's session: the only ones the browser sends the refresh cookie to. */
export const SESSION_PATH = '/v1/console/session';
export const REFRESH_COOKIE = 'onramp_console_refresh';
/** Readable by the console's script, which echoes it in {@link CSRF_HEADER} (double submit). */
export const CSRF_COOKIE = 'onramp_console_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// Strict: a page of another site can neither send these cookies along nor read the answers.
const refreshCookie: CookieSerializeOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: SESSION_PATH,
};
const csrfCookie: CookieSerializeOptions = { secure: true, sameSite: 'strict', path: '/' };

/**
 * Sets the refresh token and a fresh CSRF token, both for as long as the refresh token lives, so
 * that the browser drops them together.
 */
export function setSessionCookies(
  reply: FastifyReply,
  refreshToken: string,
  refreshTokenExpiresAt: string,
): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(refreshTokenExpiresAt) - Date.now()) / 1000));
  void reply.setCookie(REFRESH_COOKIE, refreshToken, { ...refreshCookie, maxAge });
  void reply.setCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
    ...csrfCookie,
    maxAge,
  });
}

/** Both cookies expire at once; the path must be the one they were set with. */
export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, refreshCookie);
  void reply.clearCookie(CSRF_COOKIE, csrfCookie);
}
