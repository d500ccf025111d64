import type { FastifyInstance } from 'fastify';
import type { Caller, Callers } from './callers';
import { problem } from './problem';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The user JSON Onramp's GET /v1/me answers, field for field where the baseline has the field. */
function userJson(caller: Caller) {
  return {
    id: caller.id,
    email: caller.email,
    name: caller.name,
    language: caller.language,
    status: caller.status,
    createdAt: iso(caller.created_at),
    activatedAt: iso(caller.activated_at),
    lastLoginAt: iso(caller.last_login_at),
  };
}

/** GET /me: the same work as Onramp's authenticated read, in one process. */
export function meRoute(app: FastifyInstance, callers: Callers): void {
  app.get('/me', async (request, reply) => {
    const caller = await callers.of(request);
    if (caller === undefined) {
      return problem(reply, 401, 'unauthenticated', 'a bearer token of a live session is needed');
    }
    return {
      user: userJson(caller),
      grants: caller.roles.map((role) => ({ scope: 'platform', role })),
    };
  });
}
