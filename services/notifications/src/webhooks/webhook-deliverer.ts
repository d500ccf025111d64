import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { backoffDelay } from '@onramp/messaging';
import { SettingsCipher } from '../email/settings-cipher';
import {
  WebhookDeliveriesRepository,
  type ClaimedWebhookDelivery,
} from './webhook-deliveries.repository';
import { WebhookEndpointsRepository, type EndpointFailures } from './webhook-endpoints.repository';
import { WebhookMetrics } from './webhook-metrics';
import type { SendOutcome } from './webhook-sender';
import { WebhookSender } from './webhook-sender';
import { secretContext, signatureHeader } from './webhook-signature';
import type { WebhooksConfig } from './webhooks-config';

const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
const USER_AGENT = 'Onramp-Webhooks/1';

/** An attempt holds its delivery this long: past the request's own timeout, with a margin. */
export function attemptLeaseMs(config: WebhooksConfig): number {
  return config.WEBHOOK_TIMEOUT_MS + 20_000;
}

type Failure = Extract<SendOutcome, { delivered: false }>;

/**
 * Makes one attempt of a claimed delivery and records what came of it: delivered; retried after a
 * backoff; failed after the last attempt. An endpoint that keeps failing is disabled (see
 * `persistentFailure`), its pending deliveries ended.
 */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('WebhookDeliverer');

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly sender: WebhookSender,
    private readonly cipher: SettingsCipher,
    private readonly metrics: WebhookMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async attempt(delivery: ClaimedWebhookDelivery): Promise<void> {
    let secret: string;
    try {
      secret = this.cipher.open(delivery.encryptedSecret, secretContext(delivery.endpointId));
    } catch {
      // The installation's key is missing or not the one the secret was sealed with: not the
      // partner's failure, so the endpoint's failures are not counted.
      this.logger.error(
        `webhook delivery ${delivery.id}: the signing secret of endpoint ${delivery.endpointId} cannot be opened; is SETTINGS_ENCRYPTION_KEY the key it was sealed with?`,
      );
      await this.retryOrFail(delivery, {
        delivered: false,
        status: null,
        reason: 'not sent: the signing secret cannot be opened (SETTINGS_ENCRYPTION_KEY)',
      });
      return;
    }

    const labels = { type: delivery.eventType };
    const answered = this.metrics.responseSeconds.startTimer(labels);
    const outcome = await this.sender.send(delivery.url, delivery.body, {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'onramp-event-id': delivery.eventId,
      'onramp-event-type': delivery.eventType,
      'onramp-signature': signatureHeader(secret, delivery.body, new Date()),
    });
    answered();
    if (outcome.delivered) {
      await this.deliveries.markDelivered(delivery.id, outcome.status);
      await this.endpoints.recordSuccess(delivery.endpointId);
      this.metrics.delivered.inc(labels);
      return;
    }
    const lastAttempt = await this.retryOrFail(delivery, outcome);
    const failures = await this.endpoints.recordFailure(delivery.endpointId, lastAttempt);
    if (failures !== undefined) await this.disableIfPersistent(delivery.endpointId, failures);
  }

  /** Answers whether that was the delivery's last attempt. */
  private async retryOrFail(delivery: ClaimedWebhookDelivery, failure: Failure): Promise<boolean> {
    const labels = { type: delivery.eventType };
    if (delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS) {
      const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
      const reason = `gave up after ${attempts}: ${failure.reason}`;
      await this.deliveries.markFailed(delivery.id, { status: failure.status, reason });
      this.metrics.failed.inc(labels);
      this.logger.warn(`webhook delivery ${delivery.id} failed: ${reason}`);
      return true;
    }
    const delayMs = backoffDelay(delivery.attempts, {
      baseMs: this.config.WEBHOOK_RETRY_BASE_MS,
      maxMs: MAX_RETRY_DELAY_MS,
    });
    await this.deliveries.scheduleRetry(delivery.id, failure, delayMs);
    this.metrics.retried.inc(labels);
    return false;
  }

  private async disableIfPersistent(endpointId: string, failures: EndpointFailures): Promise<void> {
    const persistent = this.persistentFailure(failures);
    if (persistent === undefined) return;
    // Replicas may reach the threshold together: only the one that disables it counts it.
    if (await this.endpoints.disable(endpointId, persistent.reason)) {
      this.metrics.endpointsDisabled.inc({ rule: persistent.rule });
      this.logger.warn(`webhook endpoint ${endpointId} disabled: ${persistent.reason}`);
    }
  }

  /**
   * An endpoint fails persistently when WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES deliveries in a
   * row ended failed, or when its attempts have failed without one success for
   * WEBHOOK_DISABLE_AFTER_FAILING_SECONDS (an endpoint receiving few events rarely reaches the
   * first rule).
   */
  private persistentFailure(
    failures: EndpointFailures,
  ): { rule: 'failed_deliveries' | 'failing_duration'; reason: string } | undefined {
    const limit = this.config.WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES;
    if (failures.consecutiveFailures >= limit)
      return {
        rule: 'failed_deliveries',
        reason: `${failures.consecutiveFailures} deliveries in a row failed`,
      };
    const failingSeconds = (Date.now() - failures.failingSince.getTime()) / 1000;
    if (failingSeconds >= this.config.WEBHOOK_DISABLE_AFTER_FAILING_SECONDS)
      return {
        rule: 'failing_duration',
        reason: `every attempt has failed since ${failures.failingSince.toISOString()}`,
      };
    return undefined;
  }
}
