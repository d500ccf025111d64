import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openApiDocument } from '../openapi/openapi-document';

/**
 * The browsable API reference at /docs. Its assets are served from the installed package, so
 * the page works where the gateway cannot reach a CDN.
 */
export async function installDocsUi(app: NestFastifyApplication): Promise<void> {
  await app.register(swagger, {
    mode: 'static',
    specification: { document: openApiDocument() as never },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
