import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { FastifyRequest } from 'fastify';

const callers = new WeakMap<FastifyRequest, common.Caller>();

export function attachCaller(request: FastifyRequest, caller: common.Caller): void {
  callers.set(request, caller);
}

/** The authenticated caller of the request, as identity resolved it. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): common.Caller => {
    const caller = callers.get(context.switchToHttp().getRequest<FastifyRequest>());
    // Only a handler marked public yet asking for a caller gets here: a programming error.
    if (caller === undefined) throw new DomainError('internal', 'no authenticated caller');
    return caller;
  },
);

/** The caller of a route with optional authentication; undefined when no credential was sent. */
export const OptionalCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): common.Caller | undefined =>
    callers.get(context.switchToHttp().getRequest<FastifyRequest>()),
);
