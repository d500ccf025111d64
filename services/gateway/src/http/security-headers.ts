import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * What every answer may be kept as unless its route says otherwise: nothing, since API answers
 * carry account data and tokens.
 */
export const DEFAULT_CACHE_CONTROL = 'no-store';

/**
 * helmet's defaults with framing denied, and for answers that are not pages (which set their own
 * stricter policy) a content security policy that loads nothing and refuses framing. No
 * `Strict-Transport-Security`: TLS ends in front of the gateway, at an ingress whose operator
 * decides which hosts are HTTPS only.
 */
const helmetHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/**
 * The headers every answer carries; a route may replace them with its own (the pages' policy,
 * the docs' caching), as headers set on the reply win over these.
 */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  helmetHeaders(request.raw, reply.raw, () => undefined);
  void reply.header('cache-control', DEFAULT_CACHE_CONTROL);
}

/** Set as the request arrives, so that refusals (404, 405, 429) carry them too. */
export function installSecurityHeaders(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      setSecurityHeaders(request, reply);
      done();
    });
}
