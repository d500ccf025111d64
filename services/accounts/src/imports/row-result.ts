import { common } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';

/** A bulk row's answer (onramp.common.v1.BulkRowResult) as the imports build it. */
export interface RowResult {
  line: number;
  outcome: common.RowOutcome;
  /** The record written or found; "" for invalid and failed rows and check_only creations. */
  id: string;
  violations: FieldViolation[];
}

export const Outcome = common.RowOutcome;

export function invalid(line: number, violations: FieldViolation[]): RowResult {
  return { line, outcome: Outcome.INVALID, id: '', violations };
}

export function failed(line: number, violations: FieldViolation[]): RowResult {
  return { line, outcome: Outcome.FAILED, id: '', violations };
}
