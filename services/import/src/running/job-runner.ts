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
import type { ImportConfig } from '../config/import-config';
import type { ImportJob } from '../generated/prisma/client';
import { JobStore } from '../jobs/job-store';
import { Applier } from './applier';
import { JobLeftBehind } from './job-context';
import { JobEndings } from './job-endings';
import { Validator } from './validator';

const POLL_MS = 500;

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
      await this.work(job);
    }
  }

  private async work(job: ImportJob): Promise<void> {
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
    } catch (error) {
      if (error instanceof JobLeftBehind) {
        this.logger.log(`import ${job.id}: left to another replica or cancelled`);
      } else if (error instanceof DomainError && error.code !== 'service_unavailable') {
        // A refusal of the whole chunk would be the same on every retry.
        await this.endings
          .failed(job, this.owner, `a service refused the import: ${error.detail}`)
          .catch(() => undefined);
      } else {
        // Unreachable services and lost connections pass: the lease runs out and a replica
        // (this one, too) tries again from the checkpoint.
        this.logger.error(`import ${job.id}: ${String(error)}; retried when the lease runs out`);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
