import { DomainError } from '@onramp/errors';

/**
 * Prisma's codes for a database it cannot reach or that dropped the connection: can't reach the
 * server, timed out reaching it, timed out in an operation, server closed the connection, timed
 * out waiting for a connection from the pool.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** The driver adapter's kinds of error for the same situations. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * SQLSTATEs of a server going away or not taking connections yet: admin_shutdown (a restart
 * ends every session), crash_shutdown, cannot_connect_now (starting up or shutting down),
 * too_many_connections; class 08 is every connection exception.
 */
const UNAVAILABLE_SQL_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';

/** Socket errors of a server that is down, restarting or out of reach. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres reports a lost connection, a connect timeout and a pool that could not hand out
 * a connection in time with plain Errors that carry no code, which the driver adapter passes on
 * unchanged: their messages are all there is to recognise them by.
 */
const UNAVAILABLE_DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
];

/** Causes are followed this deep at most, so a cyclic chain cannot loop. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Whether a database call failed because the database is unavailable (down, restarting, out of
 * reach, out of connections) rather than because of the request: the same call is worth trying
 * again once it is back. Constraint violations and every other refusal answer false.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && isObject(current); depth += 1) {
    if (signalsUnavailable(current) || signalsUnavailable(adapterCauseOf(current))) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The error a caller gets for a database call that failed because the database is unavailable
 * (503 with `Retry-After` at the gateway), or undefined for any other failure.
 */
export function databaseUnavailableError(error: unknown): DomainError | undefined {
  return isDatabaseUnavailable(error)
    ? DomainError.serviceUnavailable('the database is unavailable for now; try again shortly')
    : undefined;
}

function signalsUnavailable(candidate: unknown): boolean {
  if (!isObject(candidate)) return false;
  const { code, kind, originalCode, message } = candidate;
  return (
    (typeof code === 'string' &&
      (UNAVAILABLE_PRISMA_CODES.has(code) ||
        UNAVAILABLE_SOCKET_CODES.has(code) ||
        isUnavailableSqlState(code))) ||
    (typeof kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(kind)) ||
    (typeof originalCode === 'string' && isUnavailableSqlState(originalCode)) ||
    (candidate instanceof Error &&
      typeof message === 'string' &&
      UNAVAILABLE_DRIVER_MESSAGES.some((pattern) => pattern.test(message)))
  );
}

function isUnavailableSqlState(code: string): boolean {
  return (
    /^[0-9A-Z]{5}$/.test(code) &&
    (UNAVAILABLE_SQL_STATES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS))
  );
}

/** What the driver adapter reported, as Prisma keeps it on the error it throws. */
function adapterCauseOf(error: Record<string, unknown>): unknown {
  const meta = error.meta;
  if (!isObject(meta)) return undefined;
  const adapterError = meta.driverAdapterError;
  return isObject(adapterError) ? adapterError.cause : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
