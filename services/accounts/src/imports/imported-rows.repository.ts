import { Inject, Injectable } from '@nestjs/common';
import { common } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import { DATABASE, insertRows, modelRows } from '@onramp/persistence';
import type { ImportedRow, Prisma, PrismaClient } from '../generated/prisma/client';
import type { RowResult } from './row-result';

type Transaction = Prisma.TransactionClient;

/** Which import a row belongs to: accounts and drivers imports number their lines apart. */
export type ImportKind = 'accounts' | 'drivers';

const OUTCOMES: Record<string, common.RowOutcome> = {
  created: common.RowOutcome.CREATED,
  updated: common.RowOutcome.UPDATED,
  skipped: common.RowOutcome.SKIPPED,
  invalid: common.RowOutcome.INVALID,
  failed: common.RowOutcome.FAILED,
};
const NAMES = new Map(Object.entries(OUTCOMES).map(([name, outcome]) => [outcome, name]));

/**
 * What each row of an import answered, so that a repeated row (a retried chunk) answers the same
 * and changes nothing. Recorded in the transaction that wrote the row.
 */
@Injectable()
export class ImportedRowsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** The results recorded for these lines of the import, by line; one query. */
  async recorded(
    importId: string,
    kind: ImportKind,
    lines: number[],
  ): Promise<Map<number, RowResult>> {
    const rows = modelRows<ImportedRow>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "accounts"."imported_rows"
         WHERE import_id = ${importId}::uuid AND kind = ${kind} AND line = ANY(${lines}::int[])`,
    );
    return new Map(
      rows.map((row) => [
        row.line,
        {
          line: row.line,
          outcome: OUTCOMES[row.outcome],
          id: row.recordId ?? '',
          violations: row.violations as unknown as FieldViolation[],
        },
      ]),
    );
  }

  /** Records the results in one statement. */
  record(
    transaction: Transaction,
    importId: string,
    kind: ImportKind,
    results: RowResult[],
  ): Promise<void> {
    const recordedAt = new Date();
    return insertRows(
      transaction,
      '"accounts"."imported_rows"',
      results.map((result) => ({
        importId,
        kind,
        line: result.line,
        outcome: NAMES.get(result.outcome)!,
        recordId: result.id === '' ? null : result.id,
        violations: result.violations.map(({ field, message }) => ({ field, message })),
        recordedAt,
      })),
    );
  }
}
