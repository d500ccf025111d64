import { Module } from '@nestjs/common';
import { FailedAuthentications } from '../auth/failed-authentications';
import { PostmarkWebhookCredentials } from './postmark-webhook-credentials';
import { PostmarkWebhookGuard } from './postmark-webhook.guard';
import { PostmarkWebhooksController } from './postmark-webhooks.controller';

/**
 * Postmark's bounce and spam complaint reports, handed to notifications. Refused credentials are
 * counted by this module's own FailedAuthentications, per replica and client IP.
 */
@Module({
  controllers: [PostmarkWebhooksController],
  providers: [PostmarkWebhookCredentials, PostmarkWebhookGuard, FailedAuthentications],
})
export class PostmarkWebhooksModule {}
