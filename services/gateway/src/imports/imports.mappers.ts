import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { imports } from '@onramp/contracts';
import { conflictPolicies, importKinds, importStatuses } from './import-words';
import type { ImportResponse } from './imports.schemas';

export function toImportJson(job: imports.ImportJob): ImportResponse {
  const counts = job.counts;
  return {
    id: job.id,
    kind: importKinds.word(job.kind),
    status: importStatuses.word(job.status),
    dryRun: job.dryRun,
    onConflict: conflictPolicies.word(job.onConflict),
    sendInvitations: job.sendInvitations,
    fileName: job.fileName,
    sizeBytes: Number(job.sizeBytes),
    counts: {
      total: counts?.total ?? 0,
      valid: counts?.valid ?? 0,
      invalid: counts?.invalid ?? 0,
      created: counts?.created ?? 0,
      updated: counts?.updated ?? 0,
      skipped: counts?.skipped ?? 0,
      failed: counts?.failed ?? 0,
    },
    percentDone: job.percentDone,
    rowsPerSecond: job.rowsPerSecond,
    estimatedSecondsLeft: job.estimatedSecondsLeft ?? null,
    failure: job.failure === '' ? null : job.failure,
    createdByUserId: job.createdByUserId,
    createdAt: job.createdAt
      ? timestampDate(job.createdAt).toISOString()
      : new Date(0).toISOString(),
    finishedAt: job.finishedAt ? timestampDate(job.finishedAt).toISOString() : null,
    encoding: job.encoding,
    delimiter: job.delimiter,
  };
}
