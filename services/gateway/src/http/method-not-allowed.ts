import { DomainError } from '@onramp/errors';
import type { FastifyInstance } from 'fastify';

interface Route {
  method: string;
  path: RegExp;
}

/** A route's URL as the paths it serves: `:name` is one segment, `*` the rest. */
function pathPattern(url: string): RegExp {
  const pattern = url
    .split(/(:\w+|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

/**
 * A method a served path does not have answers 405 with `Allow` listing the ones it has (RFC
 * 9110 §15.5.6) instead of the router's 404; paths nothing serves stay 404. The routes are
 * collected as they are registered, so this must be installed before any.
 */
export function installMethodNotAllowed(fastify: FastifyInstance): void {
  const routes: Route[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, path: pathPattern(route.url) });
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) {
      done();
      return;
    }
    const path = request.url.split('?')[0] ?? '';
    const allowed = [
      ...new Set(routes.filter((route) => route.path.test(path)).map((route) => route.method)),
    ].sort();
    if (allowed.length === 0) {
      done();
      return;
    }
    void reply.header('allow', allowed.join(', '));
    done(
      new DomainError(
        'method_not_allowed',
        `${request.method} is not allowed here; allowed: ${allowed.join(', ')}`,
      ),
    );
  });
}
