import { Inject, Injectable, Logger } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import type { ImportConfig } from '../config/import-config';
import type { ImportJob } from '../generated/prisma/client';
import { kindWords } from '../jobs/job-words';
import { JobStore } from '../jobs/job-store';
import { KindRegistry } from '../kinds/kind-registry';
import type { Outcome, RowResult } from '../kinds/kind';
import { contextOf, countsOf, JobLeftBehind } from './job-context';
import { JobEndings } from './job-endings';

const COUNTED: readonly Outcome[] = ['created', 'updated', 'skipped', 'failed'];

/**
 * Applying a job: its rows in line order, a chunk at a time through the services' bulk methods,
 * each chunk's outcomes, counts and checkpoint committed together. A replica taking the job over
 * starts at the checkpoint; a chunk sent twice changes nothing, as the bulk methods answer a
 * (import, line) they applied before with what they answered then.
 */
@Injectable()
export class Applier {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly store: JobStore,
    private readonly kinds: KindRegistry,
    private readonly endings: JobEndings,
    @Inject(SERVICE_CONFIG) private readonly config: ImportConfig,
  ) {}

  async apply(job: ImportJob, owner: string): Promise<void> {
    this.logger.log(`import ${job.id}: applying from line ${job.nextLine}`);
    const kind = this.kinds.of(kindWords.value(job.kind));
    const context = contextOf(job);
    for (let fromLine = job.nextLine; ;) {
      const rows = await this.store.pending(job.id, fromLine, this.config.IMPORT_CHUNK_ROWS);
      if (rows.length === 0) break;
      const results = await kind.run(context, rows, false);
      const lastLine = rows[rows.length - 1].line;
      await this.store.transaction(async (transaction) => {
        await this.store.record(transaction, job.id, results);
        const held = await this.store.updateHeld(transaction, job.id, owner, {
          nextLine: lastLine + 1,
          stepDone: { increment: rows.length },
          ...increments(results),
        });
        if (!held) throw new JobLeftBehind();
      });
      this.logger.log(`import ${job.id}: applied lines ${rows[0].line}–${lastLine}`);
      fromLine = lastLine + 1;
    }
    await this.endings.completed(job, owner, countsOf(await this.store.outcomes(job.id)));
  }
}

function increments(results: RowResult[]) {
  const counts: Partial<Record<Outcome, { increment: number }>> = {};
  for (const outcome of COUNTED)
    counts[outcome] = { increment: results.filter((result) => result.outcome === outcome).length };
  // A row found invalid only now (the data changed since validation) counts as failed.
  counts.failed!.increment += results.filter((result) => result.outcome === 'invalid').length;
  return counts;
}
