import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openApiDocument } from '../openapi/openapi-document';

/**
 * How long a browser or proxy may keep the reference: it holds no account data, and changes only
 * with a new release, which a few minutes after the rollout is reflected everywhere.
 */
export const DOCS_CACHE_CONTROL = 'public, max-age=300';

/**
 * The browsable API reference at /docs. Its assets are served from the installed package, so
 * the page works where the gateway cannot reach a CDN.
 */
export async function installDocsUi(app: NestFastifyApplication): Promise<void> {
  await app.register(swagger, {
    mode: 'static',
    specification: { document: openApiDocument() as never },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // The page's own policy, with the framing every other answer refuses refused here too.
    transformStaticCSP: (policy) =>
      policy.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    uiHooks: {
      onRequest: (_request, reply, done) => {
        void reply.header('cache-control', DOCS_CACHE_CONTROL);
        done();
      },
    },
  });
}
