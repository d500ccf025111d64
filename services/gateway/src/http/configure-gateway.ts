import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { installConsole } from '../console-static/console-static';
import { installDocsUi } from '../docs/docs-ui';
import { installInvitationPage } from '../pages/invitation.page';
import { installResetPasswordPage } from '../pages/reset-password.page';
import type { GatewayEnv } from '../gateway-env';
import { installHttpConventions } from './http-conventions';
import { installRateLimits } from './rate-limits';
import { installSecurityHeaders } from './security-headers';

/** Everything on the Fastify instance besides Nest's routes; shared by main and the tests. */
export async function configureGateway(
  app: NestFastifyApplication,
  env: GatewayEnv,
): Promise<void> {
  // First, so that every answer carries them, also those refused by a later hook.
  installSecurityHeaders(app);
  installHttpConventions(app);
  await installRateLimits(app, {
    strictPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
    perMinute: env.RATE_LIMIT_PER_MINUTE,
  });
  // Import uploads: read part by part as they stream (see imports/upload-reader); a file is cut
  // at IMPORT_MAX_BYTES and marked truncated, the rest of the request read and dropped.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: env.IMPORT_MAX_BYTES, files: 2, fields: 10, fieldSize: 1024, parts: 12 },
  });
  // The console's session cookies; none is signed (the refresh token is identity's to verify).
  await app.register(cookie);
  await installDocsUi(app);
  await installConsole(app, env);
  await installResetPasswordPage(app);
  await installInvitationPage(app);
}
