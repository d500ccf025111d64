import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { imports } from '@onramp/contracts';
import type { ImportJob } from '../generated/prisma/client';
import { conflictWords, kindWords, statusWords } from './job-words';

/** A stored job as the contract carries it, with its progress worked out now. */
export function jobMessage(
  job: ImportJob,
  now = new Date(),
): MessageInitShape<typeof imports.ImportJobSchema> {
  // Validation checks every row; applying takes the rows that are not invalid.
  const stepTotal = job.status === 'applying' ? job.total - job.invalid : job.total;
  const running = job.status === 'validating' || job.status === 'applying';
  const seconds = Math.max((now.getTime() - job.stepStartedAt.getTime()) / 1000, 0.001);
  const rate = running ? job.stepDone / seconds : 0;
  const percent = running
    ? stepTotal === 0
      ? 0
      : Math.min(100, Math.floor((job.stepDone * 100) / stepTotal))
    : job.status === 'cancelled'
      ? Math.min(100, Math.floor((job.stepDone * 100) / Math.max(stepTotal, 1)))
      : 100;
  return {
    id: job.id,
    kind: kindWords.value(job.kind),
    status: statusWords.value(job.status),
    dryRun: job.dryRun,
    onConflict: conflictWords.value(job.onConflict),
    sendInvitations: job.sendInvitations,
    fileName: job.fileName,
    sizeBytes: job.sizeBytes,
    counts: {
      total: job.total,
      valid: job.valid,
      invalid: job.invalid,
      created: job.created,
      updated: job.updated,
      skipped: job.skipped,
      failed: job.failed,
    },
    percentDone: percent,
    rowsPerSecond: Math.round(rate * 10) / 10,
    ...(running && rate > 0 && stepTotal > 0
      ? { estimatedSecondsLeft: Math.ceil(Math.max(stepTotal - job.stepDone, 0) / rate) }
      : {}),
    failure: job.failure,
    createdByUserId: job.createdByUserId,
    createdAt: timestampFromDate(job.createdAt),
    ...(job.finishedAt === null ? {} : { finishedAt: timestampFromDate(job.finishedAt) }),
    encoding: job.encoding,
    delimiter: job.delimiter,
  };
}
