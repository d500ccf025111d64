import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { isUuid } from '@onramp/contracts';
import { UploadStore } from '@onramp/messaging';
import type { ImportConfig } from '../config/import-config';
import { FileLayout } from '../columns/file-layout';
import { FileProblem, readCsv } from '../csv/csv-reader';
import type { ImportJob } from '../generated/prisma/client';
import { kindWords } from '../jobs/job-words';
import { JobStore, type RowToStage } from '../jobs/job-store';
import { KindRegistry } from '../kinds/kind-registry';
import { contextOf, countsOf, JobLeftBehind } from './job-context';
import { JobEndings } from './job-endings';

/**
 * Validating a job: every row of the file read and checked by its columns, staged, duplicates
 * marked, then (for a dry run, onConflict=fail or rows applied in several services) each row's
 * outcome asked of the services without changing anything. Started
 * again from the file when a replica takes over a job that was validating.
 */
@Injectable()
export class Validator {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly store: JobStore,
    private readonly uploads: UploadStore,
    private readonly kinds: KindRegistry,
    private readonly endings: JobEndings,
    @Inject(SERVICE_CONFIG) private readonly config: ImportConfig,
  ) {}

  async validate(job: ImportJob, owner: string): Promise<void> {
    this.logger.log(`import ${job.id}: validating ${job.fileName} (${job.sizeBytes} bytes)`);
    await this.store.unstage(job.id);
    try {
      await this.stageFile(job, owner);
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      await this.store.unstage(job.id);
      await this.endings.failed(job, owner, error.message);
      return;
    }
    await this.store.markDuplicates(job.id);
    // Applying a row in one service answers it as checking would; a dry run, onConflict=fail
    // and rows applied in several services need the answers before anything is written.
    const kind = this.kinds.of(kindWords.value(job.kind));
    if (job.dryRun || job.onConflict === 'fail' || kind.appliedInSteps)
      await this.checkRows(job, owner);
    await this.endings.release(job);
    await this.decide(job, owner);
  }

  private async stageFile(job: ImportJob, owner: string): Promise<void> {
    const content = await this.uploads.get(job.objectName);
    if (content === undefined) throw new FileProblem('the uploaded file is no longer stored');
    const file = await readCsv(content);
    const kind = this.kinds.of(kindWords.value(job.kind));
    const layout = FileLayout.of(kind.columns, file.header);
    await this.held(job, owner, {
      encoding: file.encoding,
      delimiter: file.delimiter,
      headers: file.header,
      stepStartedAt: new Date(),
      stepDone: 0,
    });
    let batch: RowToStage[] = [];
    let total = 0;
    const flush = async () => {
      await this.store.stage(job.id, batch);
      await this.held(job, owner, { total });
      batch = [];
    };
    for await (const { line, cells } of file.rows) {
      const { values, violations } = layout.read(cells);
      batch.push({
        line,
        cells,
        values,
        violations,
        key: violations.length > 0 ? '' : kind.keyOf(values),
      });
      total += 1;
      if (batch.length >= this.config.IMPORT_CHUNK_ROWS) await flush();
    }
    await flush();
    if (total === 0) throw new FileProblem('the file is empty: it has a header but no rows');
  }

  /** Asks the services what each row would do, chunk by chunk. */
  private async checkRows(job: ImportJob, owner: string): Promise<void> {
    const kind = this.kinds.of(kindWords.value(job.kind));
    const context = contextOf(job);
    for (let fromLine = 0; ;) {
      const rows = await this.store.pending(job.id, fromLine, this.config.IMPORT_CHUNK_ROWS);
      if (rows.length === 0) return;
      const lastLine = rows[rows.length - 1].line;
      const parents = [
        ...new Set(
          rows
            .map((row) => row.values['parent'])
            .filter(
              (parent): parent is string =>
                typeof parent === 'string' && parent !== '' && !isUuid(parent),
            ),
        ),
      ];
      const results = await kind.run(
        {
          ...context,
          plannedExternalIds: await this.store.earlierExternalIds(job.id, lastLine, parents),
        },
        rows,
        true,
      );
      await this.store.transaction(async (transaction) => {
        await this.store.record(transaction, job.id, results);
        if (
          !(await this.store.updateHeld(transaction, job.id, owner, {
            stepDone: { increment: rows.length },
          }))
        )
          throw new JobLeftBehind();
      });
      fromLine = lastLine + 1;
    }
  }

  /** After validation: fail on conflicts when asked to, wait for apply, or apply now. */
  private async decide(job: ImportJob, owner: string): Promise<void> {
    const counts = countsOf(await this.store.outcomes(job.id));
    if (job.onConflict === 'fail' && counts.failed > 0) {
      // Nothing was applied: only the conflicting rows are counted, as failed.
      await this.held(job, owner, { ...counts, created: 0, updated: 0, skipped: 0 });
      await this.endings.failed(
        job,
        owner,
        `${counts.failed} ${counts.failed === 1 ? 'row conflicts' : 'rows conflict'} with existing data (onConflict=fail); nothing was applied`,
      );
      return;
    }
    if (job.dryRun) {
      await this.held(job, owner, {
        ...counts,
        status: 'ready',
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      this.logger.log(`import ${job.id}: dry run ready (${JSON.stringify(counts)})`);
      return;
    }
    // Applying counts what it does: the predictions are the errors report's, not the counts'.
    await this.held(job, owner, {
      ...counts,
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      status: 'applying',
      nextLine: 0,
      stepDone: 0,
      stepStartedAt: new Date(),
    });
  }

  private async held(job: ImportJob, owner: string, data: Parameters<JobStore['updateHeld']>[3]) {
    const held = await this.store.transaction((transaction) =>
      this.store.updateHeld(transaction, job.id, owner, data),
    );
    if (!held) throw new JobLeftBehind();
  }
}
