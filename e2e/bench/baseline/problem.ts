import type { FastifyReply } from 'fastify';

/** Answers an RFC 9457 problem, the error shape Onramp's gateway answers with too. */
export function problem(
  reply: FastifyReply,
  status: 400 | 401 | 404,
  code: string,
  detail: string,
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: code, status, detail });
}
