import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { attemptLeaseMs, WebhookDeliverer } from './webhook-deliverer';
import {
  WebhookDeliveriesRepository,
  type ClaimedWebhookDelivery,
} from './webhook-deliveries.repository';
import type { WebhooksConfig } from './webhooks-config';

const IDLE_POLL_MS = 500;
const MAX_BACKOFF_MS = 5_000;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;

/**
 * Runs in every replica: claims due deliveries (up to WEBHOOK_CONCURRENCY attempts at once) and
 * hands each to the deliverer. Claims skip what another replica holds, so replicas share the work
 * and never attempt one delivery twice at the same time. Also removes what outlived the log's
 * retention.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A nudge that came while the loop was busy: the next wait is skipped. */
  private nudged = false;
  private lastCleanup = 0;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly deliverer: WebhookDeliverer,
    @Inject(SERVICE_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, then lets the attempts in hand finish and record their outcome. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  /** New deliveries may be due: look now rather than at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const free = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
      let claimed = 0;
      try {
        if (free > 0) {
          const due = await this.deliveries.claimDue(free, attemptLeaseMs(this.config));
          due.forEach((delivery) => this.start(delivery));
          claimed = due.length;
        }
        await this.cleanUpPeriodically();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(
          `claiming webhook deliveries failed (attempt ${failures}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      // A full batch may mean more is due: claim again as soon as an attempt frees a place.
      if (failures === 0 && claimed > 0 && claimed === free) continue;
      await this.sleep(
        failures === 0 ? IDLE_POLL_MS : Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures),
      );
    }
  }

  private start(delivery: ClaimedWebhookDelivery): void {
    const attempt: Promise<void> = this.deliverer
      .attempt(delivery)
      .catch((error: unknown) => {
        // Its lease runs out and a later claim retries it.
        this.logger.error(
          `webhook delivery ${delivery.id}: the attempt could not be recorded: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.inFlight.delete(attempt);
        this.wake?.();
      });
    this.inFlight.add(attempt);
  }

  /** Until `ms` pass, a nudge comes, or an attempt finishes (a place to claim into). */
  private sleep(ms: number): Promise<void> {
    if (this.nudged || !this.running) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.nudged = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  private async cleanUpPeriodically(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    const removed = await this.deliveries.deleteOlderThan(this.config.WEBHOOK_LOG_RETENTION_DAYS);
    if (removed > 0) this.logger.log(`removed ${removed} webhook events past the log's retention`);
  }
}
