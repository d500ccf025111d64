import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@onramp/errors';
import type { FastifyRequest } from 'fastify';
import { FailedAuthentications } from '../auth/failed-authentications';
import { PostmarkWebhookCredentials } from './postmark-webhook-credentials';

/**
 * Lets Postmark in, before the body is even read: 404 while the endpoint is off (as for a path
 * that does not exist), 401 without the configured credentials. Refused credentials count per
 * client IP, as refused bearer credentials do, so the password cannot be guessed at speed.
 */
@Injectable()
export class PostmarkWebhookGuard implements CanActivate {
  constructor(
    private readonly credentials: PostmarkWebhookCredentials,
    private readonly failedAuthentications: FailedAuthentications,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.credentials.enabled)
      throw new DomainError('not_found', `Route ${request.method}:${request.url} not found`);
    await this.failedAuthentications.assertAllowed(request.ip);
    if (!this.credentials.accepts(request.headers.authorization)) {
      await this.failedAuthentications.record(request.ip);
      throw new DomainError('unauthenticated', 'the Postmark webhook credentials are required');
    }
    return true;
  }
}
