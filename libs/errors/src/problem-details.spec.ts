import { DomainError } from './domain-error';
import { errorKinds, isErrorCode } from './error-kinds';
import { toProblemDetails } from './problem-details';

describe('toProblemDetails', () => {
  it('maps a domain error to its stable type and status, keeping violations', () => {
    const error = new DomainError('validation_failed', 'email is not valid', [
      { field: 'email', message: 'must be an email address' },
    ]);
    expect(toProblemDetails(error, { instance: '/v1/users', correlationId: 'c-1' })).toEqual({
      type: 'urn:onramp:problem:validation-failed',
      title: 'The request is not valid',
      status: 400,
      detail: 'email is not valid',
      code: 'validation_failed',
      instance: '/v1/users',
      correlationId: 'c-1',
      violations: [{ field: 'email', message: 'must be an email address' }],
    });
  });

  it('hides the message of unexpected errors and keeps the error id of a 5xx', () => {
    const problem = toProblemDetails(new Error('password=hunter2 leaked'), { errorId: 'e-1' });
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.errorId).toBe('e-1');
  });

  it('drops the error id of a 4xx, which is not logged as a failure', () => {
    expect(
      toProblemDetails(new DomainError('not_found', 'no such user'), { errorId: 'e-2' }).errorId,
    ).toBeUndefined();
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('conflict')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(Object.values(errorKinds).every((kind) => kind.status >= 400 && kind.status < 600)).toBe(
      true,
    );
  });
});
