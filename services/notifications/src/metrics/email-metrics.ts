import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

type Labels = 'template' | 'provider';

/**
 * What SREs watch on notifications, per template and provider, in the application's registry
 * (@onramp/health's MetricsModule serves it on /metrics with every other metric of the service).
 */
@Injectable()
export class EmailMetrics {
  /** Emails the provider accepted. */
  readonly sent: Counter<Labels>;
  /** Deliveries that ended failed: rejected by the provider, unrenderable, or given up on. */
  readonly failed: Counter<Labels>;
  /** Transient failures that will be attempted again after a backoff. */
  readonly retried: Counter<Labels>;
  /** Given up after EMAIL_MAX_ATTEMPTS transient failures (also counted as failed). */
  readonly deadLettered: Counter<Labels>;
  /** Sent, then reported by the provider as bounced or marked as spam by the recipient. */
  readonly bounced: Counter<Labels>;
  /** Sends that found EMAIL_RATE_LIMIT_PER_SECOND used up and had to wait (counted per wait). */
  readonly rateLimited: Counter<'provider'>;
  readonly renderSeconds: Histogram<Labels>;
  readonly providerSeconds: Histogram<Labels>;

  constructor(readonly registry: Registry) {
    this.sent = new Counter<Labels>({
      name: 'onramp_emails_sent_total',
      help: 'Emails the provider accepted',
      labelNames: ['template', 'provider'],
      registers: [registry],
    });
    this.failed = new Counter<Labels>({
      name: 'onramp_emails_failed_total',
      help: 'Deliveries that ended failed (permanent rejection, render failure or dead-lettered)',
      labelNames: ['template', 'provider'],
      registers: [registry],
    });
    this.retried = new Counter<Labels>({
      name: 'onramp_emails_retried_total',
      help: 'Attempts that failed transiently and were scheduled to be retried',
      labelNames: ['template', 'provider'],
      registers: [registry],
    });
    this.deadLettered = new Counter<Labels>({
      name: 'onramp_emails_dead_lettered_total',
      help: 'Deliveries given up on after the maximum number of attempts',
      labelNames: ['template', 'provider'],
      registers: [registry],
    });
    this.bounced = new Counter<Labels>({
      name: 'onramp_emails_bounced_total',
      help: 'Emails the provider reported as bounced or marked as spam after accepting them',
      labelNames: ['template', 'provider'],
      registers: [registry],
    });
    this.rateLimited = new Counter<'provider'>({
      name: 'onramp_email_rate_limit_waits_total',
      help: "Times a send waited for the provider's rate limit shared by every replica",
      labelNames: ['provider'],
      registers: [registry],
    });
    this.renderSeconds = new Histogram<Labels>({
      name: 'onramp_email_render_seconds',
      help: 'Time to render one email (subject, HTML and text)',
      labelNames: ['template', 'provider'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers: [registry],
    });
    this.providerSeconds = new Histogram<Labels>({
      name: 'onramp_email_provider_seconds',
      help: 'Time the provider took to accept or refuse one email',
      labelNames: ['template', 'provider'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  }
}
