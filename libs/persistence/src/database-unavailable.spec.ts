import { DomainError, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@onramp/errors';
import { databaseUnavailableError, isDatabaseUnavailable } from './database-unavailable';
import { isUniqueViolation } from './errors';

/** An error as Prisma's client throws it: a message, a code and what the driver adapter said. */
function prismaError(code: string, adapterCause?: Record<string, unknown>): Error {
  return Object.assign(new Error(`Invalid invocation:\n\nfailed (${code})`), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta:
      adapterCause === undefined
        ? {}
        : { driverAdapterError: { name: 'DriverAdapterError', cause: adapterCause } },
  });
}

/** A failed raw query (P2010) that Postgres refused with `sqlState`. */
function rawQueryRefused(sqlState: string, message: string): Error {
  return prismaError('P2010', {
    originalCode: sqlState,
    originalMessage: message,
    kind: 'postgres',
    code: sqlState,
    severity: 'FATAL',
    message,
  });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    syscall: 'connect',
    errno: -111,
  });
}

describe('isDatabaseUnavailable', () => {
  it.each<[string, unknown]>([
    [
      'a model query while the server is down (P1001)',
      prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
    ],
    [
      'a raw query while the server is down (P2010, DatabaseNotReachable)',
      prismaError('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
    ],
    [
      'a connection the server closed (ConnectionClosed)',
      prismaError('P2010', { kind: 'ConnectionClosed' }),
    ],
    ['a socket timeout (SocketTimeout)', prismaError('P2010', { kind: 'SocketTimeout' })],
    ['the server closed the connection (P1017)', prismaError('P1017')],
    ['no connection from the pool in time (P2024)', prismaError('P2024')],
    [
      'a session ended by a restart (57P01 admin_shutdown)',
      rawQueryRefused('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'a server starting or shutting down (57P03 cannot_connect_now)',
      rawQueryRefused('57P03', 'the database system is starting up'),
    ],
    ['a connection exception (class 08)', rawQueryRefused('08006', 'connection failure')],
    ['a refused connection (ECONNREFUSED)', socketError('ECONNREFUSED')],
    ['a reset connection (ECONNRESET)', socketError('ECONNRESET')],
    [
      'a driver error Postgres sent itself (57P01 on a pg error)',
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
        severity: 'FATAL',
      }),
    ],
    ['a lost connection (node-postgres)', new Error('Connection terminated unexpectedly')],
    [
      'a connect timeout (node-postgres), its cause kept',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    [
      'a pool connect timeout (node-postgres)',
      new Error('timeout exceeded when trying to connect'),
    ],
    [
      'an unavailable database wrapped as the cause of another error',
      new Error('applying the event failed', { cause: socketError('ECONNREFUSED') }),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a unique constraint violation (P2002)', prismaError('P2002')],
    [
      'a unique violation of a raw query (23505)',
      rawQueryRefused('23505', 'duplicate key value violates unique constraint'),
    ],
    ['a missing record (P2025)', prismaError('P2025')],
    ['a syntax error (42601)', rawQueryRefused('42601', 'syntax error at or near "SELEC"')],
    ['a failed authentication (28P01)', rawQueryRefused('28P01', 'password authentication failed')],
    ['a domain error', new DomainError('conflict', 'the name is taken')],
    ['an unexpected error', new Error('Cannot read properties of undefined')],
    ['a thrown string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('leaves %s as it is', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops following a cycle of causes', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    Object.assign(first, { cause: second });
    expect(isDatabaseUnavailable(first)).toBe(false);
  });
});

describe('databaseUnavailableError', () => {
  it('answers service_unavailable with the usual Retry-After for an unavailable database', () => {
    const error = databaseUnavailableError(prismaError('P1001', { kind: 'DatabaseNotReachable' }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'service_unavailable',
      retryAfterSeconds: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
      detail: 'the database is unavailable for now; try again shortly',
    });
  });

  it('leaves a constraint violation to the code that expects it', () => {
    const violation = prismaError('P2002');
    expect(databaseUnavailableError(violation)).toBeUndefined();
    expect(isUniqueViolation(violation)).toBe(true);
  });
});
