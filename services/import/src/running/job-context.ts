import { fromBinary } from '@bufbuild/protobuf';
import { common } from '@onramp/contracts';
import type { ImportJob } from '../generated/prisma/client';
import { conflictWords } from '../jobs/job-words';
import type { JobContext } from '../kinds/kind';

/** Thrown when the replica lost its job to another (its lease ran out) or the job was cancelled. */
export class JobLeftBehind extends Error {}

export function contextOf(job: ImportJob): JobContext {
  return {
    importId: job.id,
    caller: fromBinary(common.CallerSchema, job.caller),
    onConflict: conflictWords.value(job.onConflict),
    sendInvitations: job.sendInvitations,
  };
}

/** Counts of a finished step from the rows' outcomes, so that they are exact whatever ran twice. */
export function countsOf(outcomes: Record<string, number>) {
  const count = (outcome: string) => outcomes[outcome] ?? 0;
  const total = Object.values(outcomes).reduce((sum, value) => sum + value, 0);
  return {
    total,
    valid: total - count('invalid'),
    invalid: count('invalid'),
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    failed: count('failed'),
  };
}
