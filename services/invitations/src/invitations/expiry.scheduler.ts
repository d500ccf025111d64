import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { Outbox } from '@onramp/messaging';
import type { InvitationsConfig } from '../config/invitations-config';
import { closeInvitation } from './invitation-events';
import { InvitationsRepository } from './invitations.repository';

const BATCH = 100;

/**
 * Raises expiry as an event (admins and partners learn of it) instead of leaving it to be found on
 * use. Every replica sweeps; rows are locked with SKIP LOCKED, so each expires exactly once.
 * Links are also checked against expires_at on every use, so a late sweep never extends one.
 */
@Injectable()
export class ExpiryScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiryScheduler.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly repository: InvitationsRepository,
    private readonly outbox: Outbox,
    @Inject(SERVICE_CONFIG) private readonly config: InvitationsConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (this.sweeping !== undefined) return;
      this.sweeping = this.sweep()
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn(`expiry sweep failed: ${String(error)}`),
        )
        .finally(() => {
          this.sweeping = undefined;
        });
    }, this.config.EXPIRY_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Expires every pending invitation past its time; the number expired. */
  async sweep(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.repository.transaction(async (transaction) => {
        const due = await this.repository.lockExpired(transaction, now, BATCH);
        for (const row of due)
          await closeInvitation(transaction, this.repository, this.outbox, {
            invitationId: row.id,
            reason: 'expired',
            at: now,
          });
        return due.length;
      });
      total += expired;
      if (expired > 0) this.outbox.nudge();
      if (expired < BATCH) return total;
    }
  }
}
