import type { FastifyReply } from 'fastify';
import { DomainError, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@onramp/errors';
import { sendProblem } from './problem-details.filter';

/** The answer sendProblem gives, as a client would read it. */
function answerTo(error: unknown) {
  const answer = { status: 0, headers: new Map<string, string>(), body: undefined as unknown };
  const reply = {
    header(name: string, value: string) {
      answer.headers.set(name, value);
      return reply;
    },
    status(code: number) {
      answer.status = code;
      return reply;
    },
    send(body: unknown) {
      answer.body = body;
      return reply;
    },
  };
  sendProblem(reply as unknown as FastifyReply, '/v1/invitations?x=1', error);
  return answer;
}

describe('sendProblem', () => {
  it('answers an unavailable dependency 503 problem+json with the Retry-After it carries', () => {
    const answer = answerTo(DomainError.serviceUnavailable('the database is unavailable'));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('retry-after')).toBe(String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
    expect(answer.body).toMatchObject({
      code: 'service_unavailable',
      status: 503,
      instance: '/v1/invitations',
      detail: 'the database is unavailable',
    });
  });

  it('tells when to try again on every 503, even one that carries no wait', () => {
    const answer = answerTo(new DomainError('service_unavailable', 'no replica answers'));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe(String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
  });

  it('keeps the wait of a rate limit and gives none to other errors', () => {
    expect(answerTo(DomainError.rateLimited('slow down', 30)).headers.get('retry-after')).toBe(
      '30',
    );
    const unexpected = answerTo(new Error('boom'));
    expect(unexpected.status).toBe(500);
    expect(unexpected.headers.has('retry-after')).toBe(false);
    expect(answerTo(new DomainError('upstream_timeout', 'slow')).headers.has('retry-after')).toBe(
      false,
    );
  });
});
