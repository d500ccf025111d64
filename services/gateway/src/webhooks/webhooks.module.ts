import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';

/** Partner webhooks: endpoints, their event catalogue and delivery log (notifications behind). */
@Module({ controllers: [WebhooksController] })
export class WebhooksModule {}
