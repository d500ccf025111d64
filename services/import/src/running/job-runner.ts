import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { DomainError } from '@onramp/errors';
import { backoffDelay } from '@onramp/messaging';
import type { ImportConfig } from '../config/import-config';
import type { ImportJob } from '../generated/prisma/client';
import { JobStore } from '../jobs/job-store';
import { Applier } from './applier';
import { JobLeftBehind } from './job-context';
import { JobEndings } from './job-endings';
import { Validator } from './validator';

const POLL_MS = 500;
/** The first and the longest pause between attempts of a job whose services are unavailable. */
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 60_000;
/** Errors that say nothing about the rows: the chunk is sent again. */
const RETRIED: ReadonlySet<string> = new Set(['service_unavailable', 'upstream_timeout']);

/**
 * Runs jobs in this replica, one at a time: takes one no replica holds, renews its lease while
 * working, and lets it go when done. A replica that dies stops renewing; another takes the job
 * over once the lease (IMPORT_LEASE_SECONDS) has run out.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private working = false;
  /** Jobs whose last attempts failed on an unavailable service: since when, and how often. */
  private readonly unavailable = new Map<string, { since: number; attempts: number }>();

  constructor(
    private readonly store: JobStore,
    private readonly validator: Validator,
    private readonly applier: Applier,
    private readonly endings: JobEndings,
    @Inject(SERVICE_CONFIG) private readonly config: ImportConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), POLL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Looks for work now (a job was created or applied) rather than at the next poll. */
  nudge(): void {
    if (this.working) return;
    this.working = true;
    void this.drain()
      .catch((error: unknown) => this.logger.error(`import runner: ${String(error)}`))
      .finally(() => (this.working = false));
  }

  private async drain(): Promise<void> {
    for (;;) {
      const job = await this.store.lease(this.owner, this.config.IMPORT_LEASE_SECONDS);
      if (job === undefined) return;
      // After a retried failure, the next poll takes the job again: no tight loop while a
      // service is down.
      if (!(await this.work(job))) return;
    }
  }

  /** Works on the job; false when it is to be taken again later (a retried failure). */
  private async work(job: ImportJob): Promise<boolean> {
    const heartbeat = setInterval(
      () =>
        void this.store
          .renew(job.id, this.owner, this.config.IMPORT_LEASE_SECONDS)
          .catch(() => false),
      (this.config.IMPORT_LEASE_SECONDS * 1000) / 3,
    );
    try {
      if (job.status === 'validating') await this.validator.validate(job, this.owner);
      const current = await this.store.find(job.id);
      if (current?.status === 'applying' && current.leaseOwner === this.owner)
        await this.applier.apply(current, this.owner);
      this.unavailable.delete(job.id);
    } catch (error) {
      if (error instanceof JobLeftBehind) {
        this.logger.log(`import ${job.id}: left to another replica or cancelled`);
      } else if (error instanceof DomainError && !RETRIED.has(error.code)) {
        // A refusal of the whole chunk would be the same on every retry.
        await this.endings
          .failed(job, this.owner, `a service refused the import: ${error.detail}`)
          .catch(() => undefined);
      } else {
        return this.retryLater(job, error);
      }
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }

  /**
   * An unreachable or slow service, a lost connection: the job keeps its lease for a growing
   * pause, then is taken again (here or by another replica) from its checkpoint; rows a service
   * applied before answer as they did. After IMPORT_RETRY_MINUTES of such failures it fails.
   */
  private async retryLater(job: ImportJob, error: unknown): Promise<boolean> {
    const now = Date.now();
    const failing = this.unavailable.get(job.id) ?? { since: now, attempts: 0 };
    failing.attempts += 1;
    this.unavailable.set(job.id, failing);
    if (now - failing.since >= this.config.IMPORT_RETRY_MINUTES * 60_000) {
      this.unavailable.delete(job.id);
      await this.endings
        .failed(
          job,
          this.owner,
          `a service stayed unavailable for ${this.config.IMPORT_RETRY_MINUTES} minutes (${describe(error)}); rows applied so far stay, and uploading the file again applies the rest`,
        )
        .catch(() => undefined);
      return true;
    }
    // At least four attempts fit in the window, however short it is set.
    const pauseMs = backoffDelay(failing.attempts, {
      baseMs: RETRY_BASE_MS,
      maxMs: Math.min(RETRY_MAX_MS, (this.config.IMPORT_RETRY_MINUTES * 60_000) / 4),
    });
    this.logger.warn(
      `import ${job.id}: ${describe(error)}; attempt ${failing.attempts} failed, again from the checkpoint in ${pauseMs} ms`,
    );
    await this.store.renew(job.id, this.owner, pauseMs / 1000).catch(() => false);
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
