import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { MetricsModule } from '../metrics/metrics.module';
import { Destinations } from './destinations';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookIntake } from './webhook-intake.consumer';
import { WebhookMetrics } from './webhook-metrics';
import { WebhookSender } from './webhook-sender';
import { WebhooksRpc } from './webhooks.rpc';

/** Partner webhooks: endpoints managed over NATS, events taken from JetStream, signed deliveries. */
@Module({
  // EmailModule for the settings cipher that seals signing secrets; MetricsModule for /metrics.
  imports: [EmailModule, MetricsModule],
  providers: [
    Destinations,
    WebhookSender,
    WebhookEndpointsRepository,
    WebhookDeliveriesRepository,
    WebhookEndpointsService,
    WebhooksRpc,
    WebhookMetrics,
    WebhookDeliverer,
    WebhookDispatcher,
    WebhookIntake,
  ],
})
export class WebhooksModule {}
