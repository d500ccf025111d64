import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

type Labels = 'template' | 'provider';

/**
 * What SREs watch on notifications, per template and provider. One registry per instance (not
 * prom-client's global one), so several instances in one process — replicas in tests — never
 * register the same metric twice.
 */
@Injectable()
export class EmailMetrics {
  readonly registry = new Registry();

  /** Emails the provider accepted. */
  readonly sent = new Counter<Labels>({
    name: 'onramp_emails_sent_total',
    help: 'Emails the provider accepted',
    labelNames: ['template', 'provider'],
    registers: [this.registry],
  });
  /** Deliveries that ended failed: rejected by the provider, unrenderable, or given up on. */
  readonly failed = new Counter<Labels>({
    name: 'onramp_emails_failed_total',
    help: 'Deliveries that ended failed (permanent rejection, render failure or dead-lettered)',
    labelNames: ['template', 'provider'],
    registers: [this.registry],
  });
  /** Transient failures that will be attempted again after a backoff. */
  readonly retried = new Counter<Labels>({
    name: 'onramp_emails_retried_total',
    help: 'Attempts that failed transiently and were scheduled to be retried',
    labelNames: ['template', 'provider'],
    registers: [this.registry],
  });
  /** Given up after EMAIL_MAX_ATTEMPTS transient failures (also counted as failed). */
  readonly deadLettered = new Counter<Labels>({
    name: 'onramp_emails_dead_lettered_total',
    help: 'Deliveries given up on after the maximum number of attempts',
    labelNames: ['template', 'provider'],
    registers: [this.registry],
  });
  /** Sent, then reported by the provider as bounced or marked as spam by the recipient. */
  readonly bounced = new Counter<Labels>({
    name: 'onramp_emails_bounced_total',
    help: 'Emails the provider reported as bounced or marked as spam after accepting them',
    labelNames: ['template', 'provider'],
    registers: [this.registry],
  });
  /** Sends that found EMAIL_RATE_LIMIT_PER_SECOND used up and had to wait (counted per wait). */
  readonly rateLimited = new Counter<'provider'>({
    name: 'onramp_email_rate_limit_waits_total',
    help: "Times a send waited for the provider's rate limit shared by every replica",
    labelNames: ['provider'],
    registers: [this.registry],
  });
  readonly renderSeconds = new Histogram<Labels>({
    name: 'onramp_email_render_seconds',
    help: 'Time to render one email (subject, HTML and text)',
    labelNames: ['template', 'provider'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly providerSeconds = new Histogram<Labels>({
    name: 'onramp_email_provider_seconds',
    help: 'Time the provider took to accept or refuse one email',
    labelNames: ['template', 'provider'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
