import type { common } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import { outcomeWords } from '../jobs/job-words';
import type { CellValue, Column, ParsedRow } from '../columns/column';

/** The outcome words rows are stored and counted with. */
export type Outcome = 'created' | 'updated' | 'skipped' | 'invalid' | 'failed';

/** A staged row as a kind needs it to check or apply it. */
export interface StagedRow {
  line: number;
  values: ParsedRow;
}

export interface RowResult {
  line: number;
  outcome: Outcome;
  entityId: string;
  violations: FieldViolation[];
  invitationId?: string;
}

/** What a job runs with: the caller's rights and the options the file was uploaded with. */
export interface JobContext {
  importId: string;
  caller: common.Caller;
  onConflict: common.ConflictPolicy;
  sendInvitations: boolean;
  /**
   * For a dry run's chunk: external ids of valid rows before it, which a row may name as its
   * parent before they exist.
   */
  plannedExternalIds?: string[];
}

/** One kind of import (accounts, users): its columns and how its rows reach the services. */
export interface ImportKindHandler {
  readonly columns: readonly Column<CellValue>[];
  /**
   * Whether a row is applied in more than one service (a user in identity, then their driver
   * profile in accounts): such rows are all checked before any is applied, so that a row one
   * service would refuse is not half written by the other.
   */
  readonly appliedInSteps: boolean;
  /** Rows with the same key are the same record; "" for a row that cannot be compared. */
  keyOf(values: ParsedRow): string;
  /**
   * Answers each row's outcome: with `checkOnly` what applying would do, changing nothing;
   * otherwise applied, idempotent per (import, line).
   */
  run(job: JobContext, rows: StagedRow[], checkOnly: boolean): Promise<RowResult[]>;
  /** One page of an export: the rows' cells in the columns' order, and where to go on. */
  exportPage(
    caller: common.Caller,
    accountId: string | undefined,
    cursor: string | undefined,
  ): Promise<{ rows: string[][]; nextCursor?: string }>;
}

/** A bulk method's answer for a row, in the words rows are stored with. */
export function resultOf(answer: common.BulkRowResult): RowResult {
  return {
    line: answer.line,
    // An outcome this service does not know yet counts as failed, never as done.
    outcome: (outcomeWords.word(answer.outcome) || 'failed') as Outcome,
    entityId: answer.id,
    violations: answer.violations.map(({ field, message }) => ({ field, message })),
  };
}
