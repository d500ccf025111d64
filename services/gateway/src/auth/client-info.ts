import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface Client {
  ip: string;
  userAgent: string;
}

const MAX_USER_AGENT_LENGTH = 512;

/** Where the request came from, kept by identity with logins for the security report. */
export const ClientInfo = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Client => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return {
      ip: request.ip,
      userAgent: (request.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT_LENGTH),
    };
  },
);
