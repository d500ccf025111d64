import { common, enumWords, imports } from '@onramp/contracts';

/** The words jobs are stored with, one per proto enum value (the proto is the source). */
export const kindWords = enumWords<imports.ImportKind>(imports.ImportKind);
export const statusWords = enumWords<imports.ImportStatus>(imports.ImportStatus);
export const outcomeWords = enumWords<common.RowOutcome>(common.RowOutcome);
export const conflictWords = enumWords<common.ConflictPolicy>(common.ConflictPolicy);

export type JobStatus = 'validating' | 'ready' | 'applying' | 'completed' | 'failed' | 'cancelled';
/** Statuses a runner works on. */
export const RUNNING: readonly JobStatus[] = ['validating', 'applying'];
export const FINISHED: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];
