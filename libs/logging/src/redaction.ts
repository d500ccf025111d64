/**
 * Secrets never reach a log line: credentials in headers and bodies, and the token query
 * parameter a framework parses onto the request (`*.token` reaches one level only), are censored
 * by pino.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.query.token',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.apiKey',
];

/** What pino and {@link redactUrl} write in place of a secret. */
export const CENSOR = '[redacted]';

/** Query parameters whose value is a one-time secret (the reset link's and invitation lookups'). */
const SECRET_QUERY_PARAMETERS: ReadonlySet<string> = new Set(['token']);

/**
 * Path segments that are secrets: the invitation link `/invite/{token}`, and the ticket of a
 * template preview `/v1/template-previews/{ticket}`.
 */
const SECRET_PATH_SEGMENT = /(\/invite\/|\/v1\/template-previews\/)[^/?#]+/gi;

function decoded(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

/**
 * A request URL as it may be logged: the token of an invitation link and the values of secret
 * query parameters are censored, everything else is kept for debugging.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = (queryStart === -1 ? url : url.slice(0, queryStart)).replace(
    SECRET_PATH_SEGMENT,
    `$1${CENSOR}`,
  );
  if (queryStart === -1) return path;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((parameter) => {
      const name = parameter.split('=', 1)[0] ?? '';
      return SECRET_QUERY_PARAMETERS.has(decoded(name)) ? `${name}=${CENSOR}` : parameter;
    })
    .join('&');
  return `${path}?${query}`;
}

interface LoggedRequest {
  url?: unknown;
}

/**
 * pino-http's request serializer, applied after the standard one: the URL (logged with every
 * request line) loses its secrets. The request itself is left untouched.
 */
export function redactRequest<Request extends LoggedRequest>(request: Request): Request {
  const { url } = request;
  return typeof url === 'string' ? { ...request, url: redactUrl(url) } : request;
}
