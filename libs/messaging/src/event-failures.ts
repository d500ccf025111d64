import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import { DomainError } from '@onramp/errors';
import { DATABASE, isDatabaseUnavailable, type Database } from '@onramp/persistence';
import { backoffDelay } from './backoff';
import { DeadLetterMetrics } from './dead-letter-metrics';
import { DeadLetterStore, type FailedMessage } from './dead-letter-store';
import { describeError } from './describe-error';
import {
  MESSAGING_OPTIONS,
  type ConsumerRetryPolicy,
  type MessagingOptions,
} from './messaging-options';
import { RetryLater } from './retry-later';

/** Waits a handler asks for (RetryLater) are kept between a second and an hour. */
const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 60 * 60 * 1000;
/** Longest wait between two failed attempts of one message. */
const MAX_BACKOFF_MS = 5 * 60 * 1000;
/**
 * Longest wait while the database (or a service the handler asks) is unavailable, or failures
 * cannot be recorded: work resumes soon after it is back.
 */
const UNAVAILABLE_MAX_BACKOFF_MS = 30_000;

/**
 * What happens to a message its consumer could not handle. A failure is counted in the service's
 * `dead_letters` table (so the count survives restarts and is shared by replicas) and the message
 * comes back after an exponential backoff, until `maxAttempts` failures park it there for an
 * operator. A wait a handler asks for (RetryLater) is no failure: it is honoured until the message
 * is `maxWaitMs` old, then parked too. Neither is a database or a service that is unavailable (a
 * restart, a failover): the message waits with a backoff, under the same bound, so an outage of
 * minutes parks nothing. A message that cannot be decoded is parked at once. No path retries a
 * message for ever.
 */
@Injectable()
export class EventFailures {
  private readonly logger = new Logger('EventConsumers');
  private readonly store: DeadLetterStore;
  private readonly retry: ConsumerRetryPolicy;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly metrics: DeadLetterMetrics,
  ) {
    this.store = new DeadLetterStore(database, options.databaseSchema!);
    this.retry = options.consumerRetry!;
  }

  undecodable(message: JsMsg, failed: FailedMessage): Promise<void> {
    return this.fail(message, failed, 'the message cannot be decoded', 0);
  }

  async handlingFailed(message: JsMsg, failed: FailedMessage, error: unknown): Promise<void> {
    const delayMs = this.waitFor(message, error);
    if (delayMs === undefined)
      return this.fail(message, failed, describeError(error), this.retry.maxAttempts);
    const waitedMs = Date.now() - message.time.getTime();
    if (waitedMs >= this.retry.maxWaitMs)
      return this.fail(
        message,
        failed,
        `still waiting ${Math.round(waitedMs / 1000)} s after publication: ${describeError(error)}`,
        0,
      );
    this.logger.log(
      `${failed.consumer}: message ${failed.messageId} again in ${delayMs} ms: ${describeError(error)}`,
    );
    message.nak(delayMs);
  }

  /** How long the message waits without counting as a failure, or undefined when it failed. */
  private waitFor(message: JsMsg, error: unknown): number | undefined {
    if (error instanceof RetryLater)
      return Math.min(Math.max(error.delayMs, MIN_WAIT_MS), MAX_WAIT_MS);
    if (isDependencyUnavailable(error))
      return this.backoff(message.info.deliveryCount, UNAVAILABLE_MAX_BACKOFF_MS);
    return undefined;
  }

  private async fail(
    message: JsMsg,
    failed: FailedMessage,
    reason: string,
    parkAt: number,
  ): Promise<void> {
    const { consumer, messageId, subject } = failed;
    let outcome: Awaited<ReturnType<DeadLetterStore['recordFailure']>>;
    try {
      outcome = await this.store.recordFailure(failed, reason, parkAt);
    } catch (error) {
      // The database may be what fails: the message waits, and is counted once it can be.
      const delayMs = this.backoff(message.info.deliveryCount, UNAVAILABLE_MAX_BACKOFF_MS);
      this.logger.warn(
        `${consumer}: message ${messageId} failed (${reason}) and its failure could not be recorded (${describeError(error)}); again in ${delayMs} ms`,
      );
      message.nak(delayMs);
      return;
    }
    if (outcome === undefined) {
      message.term();
      return;
    }
    if (outcome.parked) {
      this.metrics.parked(consumer);
      this.logger.error(
        `${consumer}: message ${messageId} on ${subject} parked as a dead letter after ${outcome.attempts} attempt(s): ${reason}`,
      );
      message.term();
      return;
    }
    const delayMs = this.backoff(outcome.attempts);
    this.logger.warn(
      `${consumer}: handling message ${messageId} failed (attempt ${outcome.attempts} of ${parkAt}), again in ${delayMs} ms: ${reason}`,
    );
    message.nak(delayMs);
  }

  private backoff(attempts: number, maxMs = MAX_BACKOFF_MS): number {
    return backoffDelay(attempts, { baseMs: this.retry.baseDelayMs, maxMs });
  }
}

/**
 * The database, or a service the handler called (whose own database may be what is down), cannot
 * be reached for now: nothing is wrong with the message.
 */
function isDependencyUnavailable(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) ||
    (error instanceof DomainError && error.code === 'service_unavailable')
  );
}
