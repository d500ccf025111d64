import { common, imports } from '@onramp/contracts';

/** The words jobs are stored with, one per proto enum value (the proto is the source). */
export function wordsOf<Value extends number>(
  enumeration: Record<string, string | number>,
): { word: (value: Value) => string; value: (word: string) => Value } {
  const words = new Map<number, string>();
  for (const [name, value] of Object.entries(enumeration))
    if (typeof value === 'number' && value !== 0) words.set(value, name.toLowerCase());
  const values = new Map([...words].map(([value, word]) => [word, value]));
  return {
    word: (value) => words.get(value) ?? '',
    value: (word) => (values.get(word) ?? 0) as Value,
  };
}

export const kindWords = wordsOf<imports.ImportKind>(imports.ImportKind);
export const statusWords = wordsOf<imports.ImportStatus>(imports.ImportStatus);
export const outcomeWords = wordsOf<common.RowOutcome>(common.RowOutcome);
export const conflictWords = wordsOf<common.ConflictPolicy>(common.ConflictPolicy);

export type JobStatus = 'validating' | 'ready' | 'applying' | 'completed' | 'failed' | 'cancelled';
/** Statuses a runner works on. */
export const RUNNING: readonly JobStatus[] = ['validating', 'applying'];
export const FINISHED: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];
