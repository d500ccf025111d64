import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { EmailMetrics } from '../metrics/email-metrics';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

/**
 * What SREs watch on partner webhooks, per public event type (a bounded set; endpoints are not a
 * label: there may be any number). Served on /metrics beside the email metrics, in their registry.
 */
@Injectable()
export class WebhookMetrics {
  readonly delivered: Counter<'type'>;
  readonly failed: Counter<'type'>;
  readonly retried: Counter<'type'>;
  readonly endpointsDisabled: Counter<'rule'>;
  readonly responseSeconds: Histogram<'type'>;

  constructor(metrics: EmailMetrics, deliveries: WebhookDeliveriesRepository) {
    const registers = [metrics.registry];
    const logger = new Logger('WebhookMetrics');
    // Read from the database at scrape time; every replica reports the same backlog.
    new Gauge<'state'>({
      name: 'onramp_webhook_deliveries_pending',
      help: 'Webhook deliveries not settled yet: due now, or scheduled (waiting out a backoff or being attempted)',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        try {
          const { due, scheduled } = await deliveries.countPending();
          this.set({ state: 'due' }, due);
          this.set({ state: 'scheduled' }, scheduled);
        } catch (error) {
          // No sample rather than a wrong one; /metrics still answers.
          logger.debug(
            `pending webhook deliveries not read: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      },
    });
    this.delivered = new Counter({
      name: 'onramp_webhook_deliveries_sent_total',
      help: 'Webhook deliveries a partner endpoint accepted (answered 2xx)',
      labelNames: ['type'],
      registers,
    });
    this.failed = new Counter({
      name: 'onramp_webhook_deliveries_failed_total',
      help: 'Webhook deliveries given up on after the maximum number of attempts',
      labelNames: ['type'],
      registers,
    });
    this.retried = new Counter({
      name: 'onramp_webhook_deliveries_retried_total',
      help: 'Webhook attempts that failed (network error, timeout, non-2xx) and will be retried',
      labelNames: ['type'],
      registers,
    });
    this.endpointsDisabled = new Counter({
      name: 'onramp_webhook_endpoints_disabled_total',
      help: 'Endpoints disabled after persistent failure, by the rule that disabled them',
      labelNames: ['rule'],
      registers,
    });
    this.responseSeconds = new Histogram({
      name: 'onramp_webhook_response_seconds',
      help: 'Time from sending a webhook delivery to its answer (or to giving up on one)',
      labelNames: ['type'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
  }
}
