import { Inject, Injectable } from '@nestjs/common';
import type { FieldViolation } from '@onramp/errors';
import { DATABASE } from '@onramp/persistence';
import type { ImportJob, Prisma, PrismaClient } from '../generated/prisma/client';
import type { ParsedRow } from '../columns/column';
import type { RowResult, StagedRow } from '../kinds/kind';
import { RUNNING, type JobStatus } from './job-words';

export type Transaction = Prisma.TransactionClient;

/** A row read from the file, ready to stage. */
export interface RowToStage {
  line: number;
  cells: string[];
  values: ParsedRow;
  key: string;
  violations: FieldViolation[];
}

/** The import schema's jobs and their staged rows. */
@Injectable()
export class JobStore {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  create(data: Prisma.ImportJobUncheckedCreateInput): Promise<ImportJob> {
    return this.database.importJob.create({ data });
  }

  find(id: string): Promise<ImportJob | null> {
    return this.database.importJob.findUnique({ where: { id } });
  }

  running(): Promise<number> {
    return this.database.importJob.count({ where: { status: { in: [...RUNNING] } } });
  }

  list(where: Prisma.ImportJobWhereInput, take: number): Promise<ImportJob[]> {
    return this.database.importJob.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  /**
   * Takes a running job no live replica holds (never leased, or its lease ran out), oldest
   * first; SKIP LOCKED keeps two replicas from taking the same one.
   */
  async lease(owner: string, seconds: number): Promise<ImportJob | undefined> {
    const [taken] = await this.database.$queryRaw<{ id: string }[]>`
      UPDATE "import"."import_jobs" SET lease_owner = ${owner},
        lease_expires_at = now() + make_interval(secs => ${seconds})
      WHERE id = (SELECT id FROM "import"."import_jobs"
                  WHERE status IN ('validating', 'applying')
                    AND (lease_expires_at IS NULL OR lease_expires_at < now())
                  ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return taken === undefined ? undefined : ((await this.find(taken.id)) ?? undefined);
  }

  /** Renews the lease; false when another replica holds the job now (or it is gone). */
  async renew(id: string, owner: string, seconds: number): Promise<boolean> {
    const renewed = await this.database.$executeRaw`
      UPDATE "import"."import_jobs" SET lease_expires_at = now() + make_interval(secs => ${seconds})
      WHERE id = ${id}::uuid AND lease_owner = ${owner}`;
    return renewed === 1;
  }

  /** Changes a job the owner still holds in a running status; false when it does not. */
  async updateHeld(
    transaction: Transaction,
    id: string,
    owner: string,
    data: Prisma.ImportJobUpdateManyMutationInput,
  ): Promise<boolean> {
    const { count } = await transaction.importJob.updateMany({
      where: { id, leaseOwner: owner, status: { in: [...RUNNING] } },
      data,
    });
    return count === 1;
  }

  async setStatus(id: string, from: JobStatus[], data: Prisma.ImportJobUpdateManyMutationInput) {
    const { count } = await this.database.importJob.updateMany({
      where: { id, status: { in: from } },
      data,
    });
    return count === 1;
  }

  /** Forgets what a validation staged, so that a validation taken over starts clean. */
  async unstage(id: string): Promise<void> {
    await this.database.importRow.deleteMany({ where: { importId: id } });
  }

  /**
   * Stages rows in one statement, the rows travelling as one JSON parameter; rows with problems
   * are invalid at once.
   */
  async stage(id: string, rows: RowToStage[]): Promise<void> {
    if (rows.length === 0) return;
    const staged = rows.map((row) => ({
      line: row.line,
      cells: row.cells,
      values: row.values,
      key: row.key,
      violations: row.violations,
      outcome: row.violations.length > 0 ? 'invalid' : null,
    }));
    await this.database.$executeRaw`
      INSERT INTO "import"."import_rows" (import_id, line, cells, "values", key, violations, outcome)
      SELECT ${id}::uuid, x.line, x.cells, x."values", x.key, x.violations, x.outcome
        FROM jsonb_to_recordset(${JSON.stringify(staged)}::jsonb)
          AS x(line int, cells jsonb, "values" jsonb, key text, violations jsonb, outcome text)`;
  }

  /** Every row after the first of the same key is an invalid duplicate, naming the first. */
  async markDuplicates(id: string): Promise<void> {
    // The duplicates are worked out once (MATERIALIZED), then joined on the primary key.
    await this.database.$executeRaw`
      WITH duplicates AS MATERIALIZED (
        SELECT line, first FROM (
          SELECT line, first_value(line) OVER (PARTITION BY key ORDER BY line) AS first
          FROM "import"."import_rows"
          WHERE import_id = ${id}::uuid AND key <> '' AND outcome IS NULL) AS ranked
        WHERE line <> first)
      UPDATE "import"."import_rows" AS r
      SET outcome = 'invalid',
          violations = r.violations || jsonb_build_array(jsonb_build_object(
            'field', '', 'message', 'repeats line ' || d.first || ' of the file'))
      FROM duplicates AS d
      WHERE r.import_id = ${id}::uuid AND r.line = d.line`;
  }

  /** Rows to check or apply, in line order from `fromLine`: all but those found invalid. */
  async pending(id: string, fromLine: number, take: number): Promise<StagedRow[]> {
    return this.database.$queryRaw<StagedRow[]>`
      SELECT line, "values" FROM "import"."import_rows"
       WHERE import_id = ${id}::uuid AND line >= ${fromLine}
         AND (outcome IS NULL OR outcome <> 'invalid')
       ORDER BY line LIMIT ${take}`;
  }

  /** External ids of rows before `line` that are not invalid, among `wanted`. */
  async earlierExternalIds(id: string, line: number, wanted: string[]): Promise<string[]> {
    if (wanted.length === 0) return [];
    const rows = await this.database.$queryRaw<{ external_id: string }[]>`
      SELECT DISTINCT "values"->>'externalId' AS external_id FROM "import"."import_rows"
      WHERE import_id = ${id}::uuid AND line < ${line}
        AND (outcome IS NULL OR outcome <> 'invalid')
        AND "values"->>'externalId' = ANY(${wanted}::text[])`;
    return rows.map((row) => row.external_id);
  }

  /** Records each row's outcome in one statement. */
  async record(transaction: Transaction, id: string, results: RowResult[]): Promise<void> {
    if (results.length === 0) return;
    await transaction.$executeRaw`
      UPDATE "import"."import_rows" AS r
      SET outcome = x.outcome, entity_id = x.entity_id, violations = x.violations,
          invitation_id = x.invitation_id
      FROM json_to_recordset(${JSON.stringify(
        results.map((result) => ({
          line: result.line,
          outcome: result.outcome,
          entity_id: result.entityId,
          violations: result.violations,
          invitation_id: result.invitationId ?? '',
        })),
      )}::json) AS x(line int, outcome text, entity_id text, violations jsonb, invitation_id text)
      WHERE r.import_id = ${id}::uuid AND r.line = x.line`;
  }

  /** How many rows have each outcome. */
  async outcomes(id: string): Promise<Record<string, number>> {
    const groups = await this.database.importRow.groupBy({
      by: ['outcome'],
      where: { importId: id },
      _count: { _all: true },
    });
    return Object.fromEntries(
      groups.map((group) => [group.outcome ?? 'pending', group._count._all]),
    );
  }

  /** Invalid and failed rows after `afterLine`, in line order. */
  problems(id: string, afterLine: number, take: number) {
    return this.database.importRow.findMany({
      where: { importId: id, line: { gt: afterLine }, outcome: { in: ['invalid', 'failed'] } },
      orderBy: { line: 'asc' },
      take,
      select: { line: true, cells: true, violations: true },
    });
  }

  /** Rows after `afterLine` in line order, with their outcome so far; only `outcome` if given. */
  rows(id: string, outcome: string | undefined, afterLine: number, take: number) {
    return this.database.importRow.findMany({
      where: {
        importId: id,
        line: { gt: afterLine },
        ...(outcome === undefined ? {} : { outcome }),
      },
      orderBy: { line: 'asc' },
      take,
      select: { line: true, outcome: true, cells: true, violations: true },
    });
  }
}
