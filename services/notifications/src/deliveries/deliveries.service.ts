import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { backoffDelay, RetryLater } from '@onramp/messaging';
import type { NotificationsConfig } from '../config/notifications-config';
import { EmailSender } from '../email/email-sender';
import { EmailMetrics } from '../metrics/email-metrics';
import type { RenderedEmail } from '../rendering/template-catalog';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryChanges } from './delivery-changes';
import { ProviderRateLimit } from './provider-rate-limit';

export interface DeliveryRequest {
  /** The subject of the event that asked for the email. */
  sourceSubject: string;
  /** Identifies that one event, from its stable content (the same on every redelivery). */
  eventKey: string;
  recipient: string;
  template: string;
  language: string;
  /** What the email is about, e.g. "invitation:<id>"; absent for emails about the recipient only. */
  reference?: string;
  /** The user the email goes to, where the event names one: an erasure finds the address by it. */
  userId?: string;
  /** Renders the email from the event in hand; called only when an attempt is due. */
  render: () => RenderedEmail;
}

/** A delivery that should be attempted again at `due`: the event comes back then, not before. */
export class DeliveryRetryLater extends RetryLater {
  override readonly name = 'DeliveryRetryLater';

  constructor(message: string, due: Date | null) {
    super(message, due === null ? 0 : due.getTime() - Date.now());
  }
}

// An attempt holds its delivery this long; it must outlast a whole SMTP exchange (three timeouts).
const ATTEMPT_LEASE_MS = 45_000;
const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;
// A duplicate of the event being handled right now looks for the attempt's outcome this long (the
// attempt is usually done within moments) before it waits in JetStream for the attempt's lease.
const SETTLED_ELSEWHERE_WAIT_MS = 1_000;
const SETTLED_ELSEWHERE_POLL_MS = 100;

export function idempotencyKey(parts: {
  sourceSubject: string;
  eventKey: string;
  recipient: string;
  template: string;
}): string {
  return createHash('sha256')
    .update(
      [parts.sourceSubject, parts.eventKey, parts.recipient.toLowerCase(), parts.template].join(
        '\n',
      ),
    )
    .digest('hex');
}

/**
 * Sends an email at most once per (event, recipient, template) and never drops one silently.
 *
 * The body cannot be stored (it holds a token), so the email is rendered and sent from the event
 * while its consumer handles it: the delivery row is recorded, an attempt is claimed, the email is
 * sent, and the outcome written, each committed at once (see DeliveriesRepository). A transient
 * failure throws, so the consumer's transaction rolls back and JetStream redelivers the event; the
 * redelivery finds the same row (same key) and retries once its backoff has passed. A redelivered
 * event whose delivery is already sent, failed or not_sent is acknowledged without sending.
 * Each outcome commits with its EmailDeliveryChanged event (see DeliveryChanges), announced once.
 * With EMAIL_RATE_LIMIT_PER_SECOND, an attempt first waits for the provider's turn.
 *
 * Remaining window: the SMTP server accepted the message and the process died before `markSent`
 * committed. The event is redelivered, the attempt's lease runs out and the email is sent again.
 * Closing it needs the provider to deduplicate (e.g. a Message-ID it honours), which SMTP does not.
 */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger('Deliveries');

  constructor(
    private readonly repository: DeliveriesRepository,
    private readonly sender: EmailSender,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    private readonly metrics: EmailMetrics,
    private readonly changes: DeliveryChanges,
    private readonly rateLimit: ProviderRateLimit,
  ) {}

  async deliver(request: DeliveryRequest): Promise<void> {
    const key = idempotencyKey(request);
    await this.repository.recordQueued({
      idempotencyKey: key,
      // Lower-cased, as the key is, so the delivery log is filtered by one exact match.
      recipient: request.recipient.toLowerCase(),
      template: request.template,
      language: request.language,
      sourceSubject: request.sourceSubject,
      reference: request.reference,
      userId: request.userId,
    });
    const provider = await this.sender.current();
    if (provider.name === 'none') {
      if (await this.settle(key, 'not_sent', 'provider_not_configured'))
        this.logger.warn(`${request.template} email not sent: no email provider is configured`);
      return;
    }
    // Before the claim: waiting must not hold the attempt's lease, and a wait handed back to
    // JetStream leaves the delivery due at once. A redelivered event whose delivery is settled
    // takes a turn it does not use; that is rare, and only ever sends less than the limit.
    await this.rateLimit.waitForTurn(provider.name);
    const attempt = await this.repository.claim(key, ATTEMPT_LEASE_MS);
    if (attempt === undefined) return this.awaitAttemptElsewhere(key, request.template);

    const labels = { template: request.template, provider: provider.name };
    let email: RenderedEmail;
    const rendering = this.metrics.renderSeconds.startTimer(labels);
    try {
      email = request.render();
      rendering();
    } catch (error) {
      // A template bug fails the same way on every try: keep the reason, do not loop.
      await this.settle(key, 'failed', `render_failed: ${messageOf(error)}`);
      this.metrics.failed.inc(labels);
      this.logger.error(`${request.template} email could not be rendered: ${messageOf(error)}`);
      return;
    }

    const sending = this.metrics.providerSeconds.startTimer(labels);
    const result = await provider.send({
      to: request.recipient,
      subject: email.subject,
      html: email.html,
      text: email.text,
      template: request.template,
    });
    sending();
    switch (result.outcome) {
      case 'sent':
        await this.repository.markSent(attempt.id, result.providerMessageId, this.changes.announce);
        this.changes.published();
        this.metrics.sent.inc(labels);
        return;
      case 'permanent':
        await this.settle(key, 'failed', result.reason);
        this.metrics.failed.inc(labels);
        this.logger.warn(`${request.template} delivery ${attempt.id} failed: ${result.reason}`);
        return;
      case 'transient': {
        if (attempt.attempts >= this.config.EMAIL_MAX_ATTEMPTS) {
          const reason = `gave up after ${attempt.attempts} attempts: ${result.reason}`;
          await this.settle(key, 'failed', reason);
          this.metrics.failed.inc(labels);
          this.metrics.deadLettered.inc(labels);
          this.logger.error(`${request.template} delivery ${attempt.id} dead-lettered: ${reason}`);
          return;
        }
        const next = await this.repository.scheduleRetry(
          attempt.id,
          result.reason,
          this.retryDelay(attempt.attempts),
        );
        this.metrics.retried.inc(labels);
        throw new DeliveryRetryLater(
          `${request.template} delivery ${attempt.id} attempt ${attempt.attempts} failed (${result.reason}); next at ${next.toISOString()}`,
          next,
        );
      }
    }
  }

  /**
   * The delivery is not ours to attempt: settled already (a redelivery), waiting for its backoff,
   * or being attempted for a duplicate of this event. Answers once it is settled; throws
   * DeliveryRetryLater, with the moment it is due, when it does not settle within moments.
   */
  private async awaitAttemptElsewhere(key: string, template: string): Promise<void> {
    const deadline = performance.now() + SETTLED_ELSEWHERE_WAIT_MS;
    for (;;) {
      const current = await this.repository.statusOf(key);
      if (current === null || current.status !== 'queued') return;
      if (performance.now() >= deadline)
        throw new DeliveryRetryLater(
          `${template} delivery is not due before ${current.nextAttemptAt?.toISOString() ?? 'now'}`,
          current.nextAttemptAt,
        );
      await sleep(SETTLED_ELSEWHERE_POLL_MS);
    }
  }

  /** Failed or not sent, announced; false when the delivery had been settled already. */
  private async settle(
    key: string,
    status: 'failed' | 'not_sent',
    reason: string,
  ): Promise<boolean> {
    const settled = await this.repository.markFinal(key, status, reason, this.changes.announce);
    this.changes.published();
    return settled !== undefined;
  }

  private retryDelay(attempts: number): number {
    return backoffDelay(attempts, {
      baseMs: this.config.EMAIL_RETRY_BASE_MS,
      maxMs: MAX_RETRY_DELAY_MS,
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
