import { timestampNow } from '@bufbuild/protobuf/wkt';
import { Injectable, Logger } from '@nestjs/common';
import { imports, type common } from '@onramp/contracts';
import { Outbox, UploadStore } from '@onramp/messaging';
import type { ImportJob, Prisma } from '../generated/prisma/client';
import { jobMessage } from '../jobs/job-message';
import { JobStore } from '../jobs/job-store';
import { contextOf, JobLeftBehind } from './job-context';

/** The accounts a caller acted in, for scoping partner webhooks; none for a platform caller. */
function accountIdsOf(caller: common.Caller): string[] {
  if (caller.grants.some((grant) => grant.platform)) return [];
  return [...new Set(caller.grants.flatMap((grant) => grant.accountIds))];
}

/** How jobs end: the status and its event in one transaction, and the file let go. */
@Injectable()
export class JobEndings {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly store: JobStore,
    private readonly outbox: Outbox,
    private readonly uploads: UploadStore,
  ) {}

  completed(job: ImportJob, owner: string, counts: Prisma.ImportJobUpdateManyMutationInput) {
    return this.end(job, owner, 'completed', counts);
  }

  failed(job: ImportJob, owner: string, failure: string) {
    return this.end(job, owner, 'failed', { failure });
  }

  /** Lets the file go once its rows are staged: nothing reads it again. */
  async release(job: ImportJob): Promise<void> {
    await this.uploads.delete(job.objectName).catch((error: unknown) => {
      this.logger.warn(
        `import ${job.id}: the uploaded file could not be deleted: ${String(error)}`,
      );
    });
  }

  private async end(
    job: ImportJob,
    owner: string,
    status: 'completed' | 'failed',
    data: Prisma.ImportJobUpdateManyMutationInput,
  ): Promise<void> {
    const finishedAt = new Date();
    await this.store.transaction(async (transaction) => {
      const ended = await this.store.updateHeld(transaction, job.id, owner, {
        ...data,
        status,
        finishedAt,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      if (!ended) throw new JobLeftBehind();
      const stored = (await transaction.importJob.findUnique({ where: { id: job.id } }))!;
      const event = {
        job: jobMessage(stored),
        accountIds: accountIdsOf(contextOf(job).caller),
        occurredAt: timestampNow(),
      };
      if (status === 'completed')
        await this.outbox.append(transaction, imports.ImportCompletedSchema, event);
      else await this.outbox.append(transaction, imports.ImportFailedSchema, event);
    });
    this.outbox.nudge();
    await this.release(job);
    this.logger.log(
      `import ${job.id}: ${status}${typeof data.failure === 'string' ? ` (${data.failure})` : ''}`,
    );
  }
}
