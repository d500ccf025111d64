import { Injectable } from '@nestjs/common';
import { AccountTree } from '@onramp/account-tree';
import type { Caller } from '@onramp/authz';
import { common } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { isUniqueViolation } from '@onramp/persistence';
import { accountsOf } from '../users/user-access';
import { UserEvents } from '../users/user-events';
import type { UserWithMemberships } from '../users/user-message';
import { ChunkWrites } from './chunk-writes';
import { checkImportedRow, type ImportedUserInput, type ValidRow } from './imported-row';
import { planRow, type KnownUser, type RowPlan } from './user-import-plan';
import {
  UserImportsRepository,
  type RecordedOutcome,
  type RowRecord,
  type Transaction,
} from './user-imports.repository';

export interface UserImportChunk {
  importId: string;
  onConflict: common.ConflictPolicy;
  checkOnly: boolean;
  rows: ImportedUserInput[];
}

/** What happens to a row once its plan is made: foreseen (check only) or written and recorded. */
interface RowStep {
  recordOnly(record: RowRecord): Promise<RowRecord>;
  apply(row: ValidRow, plan: RowPlan, state: ChunkState): Promise<RowRecord>;
}

export const MAX_IMPORT_ROWS = 1000;
const MAX_IMPORT_ID_LENGTH = 200;

const outcomes: Record<RecordedOutcome, common.RowOutcome> = {
  created: common.RowOutcome.CREATED,
  updated: common.RowOutcome.UPDATED,
  skipped: common.RowOutcome.SKIPPED,
  invalid: common.RowOutcome.INVALID,
  failed: common.RowOutcome.FAILED,
};

export interface RowResult {
  line: number;
  outcome: common.RowOutcome;
  id: string;
  violations: FieldViolation[];
}

/**
 * ImportUsers: a chunk of rows, each a user and one membership, applied in order; the rows'
 * writes, events and records commit together (row by row when a concurrent writer intervenes),
 * so a failed row leaves the others alone and a repeated row answers its record. No email is
 * sent from here (the import invites).
 */
@Injectable()
export class UserImportsService {
  constructor(
    private readonly repository: UserImportsRepository,
    private readonly events: UserEvents,
    private readonly lineages: AccountTree,
  ) {}

  async importChunk(caller: Caller, chunk: UserImportChunk): Promise<RowResult[]> {
    const importId = chunk.importId.trim();
    assertChunk(importId, chunk.rows.length);
    const policy =
      chunk.onConflict === common.ConflictPolicy.UNSPECIFIED
        ? common.ConflictPolicy.SKIP
        : chunk.onConflict;
    const checked = chunk.rows.map((row) => ({ input: row, check: checkImportedRow(row) }));
    const valid = checked.flatMap(({ check }) => (check.valid ? [check.row] : []));
    const [recorded, known] = await Promise.all([
      this.repository.recordedRows(
        importId,
        chunk.rows.map((row) => row.line),
      ),
      this.repository.usersMatching(
        valid.map((row) => row.email),
        valid.flatMap((row) => (row.externalId === null ? [] : [row.externalId])),
      ),
    ]);
    const lineageOf = await this.lineages.lineagesOf([
      ...valid.flatMap((row) => row.membership.accountIds),
      ...accountsOf(known.flatMap((user) => user.memberships)),
    ]);
    const decide = async (step: RowStep): Promise<RowResult[]> => {
      const state = new ChunkState(known);
      const results: RowResult[] = [];
      for (const { input, check } of checked) {
        const earlier = recorded.get(input.line);
        if (earlier !== undefined) {
          results.push(resultOf(earlier));
          continue;
        }
        if (!check.valid) {
          const record: RowRecord = {
            line: input.line,
            outcome: 'invalid',
            userId: null,
            violations: check.violations,
          };
          results.push(resultOf(await step.recordOnly(record)));
          continue;
        }
        const row = check.row;
        const plan = planRow(
          caller,
          policy,
          row,
          state.byEmail(row.email),
          state.byExternalId(row.externalId),
          lineageOf,
        );
        results.push(resultOf(await step.apply(row, plan, state)));
      }
      return results;
    };
    if (chunk.checkOnly)
      return decide({
        recordOnly: (record) => Promise.resolve(record),
        apply: (row, plan, state) => Promise.resolve(this.foresee(row, plan, state)),
      });
    const results = await this.appliedTogether(caller, importId, decide);
    this.events.nudge();
    return results;
  }

  /**
   * The chunk's rows written and recorded in one transaction; when another writer took an email
   * or external id meanwhile (a unique violation), row by row instead, each in its own.
   */
  private async appliedTogether(
    caller: Caller,
    importId: string,
    decide: (step: RowStep) => Promise<RowResult[]>,
  ): Promise<RowResult[]> {
    try {
      return await this.repository.inTransaction(async (transaction) => {
        const writes = this.writesIn(transaction, importId, caller.userId);
        const results = await decide({
          recordOnly: (record) => Promise.resolve(writes.record(record)),
          apply: async (row, plan, state) =>
            writes.record(
              plan.kind === 'failed'
                ? failedRecord(row, plan.violations)
                : await this.write(writes, row, plan, state),
            ),
        });
        await writes.flush();
        return results;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return decide({
        recordOnly: (record) => this.recordOnly(importId, record),
        apply: (row, plan, state) => this.apply(caller, importId, row, plan, state),
      });
    }
  }

  /** What applying would record, with the chunk's state moved on as applying would move it. */
  private foresee(row: ValidRow, plan: RowPlan, state: ChunkState): RowRecord {
    switch (plan.kind) {
      case 'failed':
        return failedRecord(row, plan.violations);
      case 'create':
        state.add(newKnownUser('', row));
        return { line: row.line, outcome: 'created', userId: null, violations: [] };
      case 'existing': {
        state.change(plan.user, plan.changes, plan.grant ? row.membership : undefined);
        return existingRecord(row, plan);
      }
    }
  }

  private async apply(
    caller: Caller,
    importId: string,
    row: ValidRow,
    plan: RowPlan,
    state: ChunkState,
  ): Promise<RowRecord> {
    if (plan.kind === 'failed')
      return this.recordOnly(importId, failedRecord(row, plan.violations));
    try {
      return await this.repository.inTransaction(async (transaction) => {
        const writes = this.writesIn(transaction, importId, caller.userId);
        const record = writes.record(await this.write(writes, row, plan, state));
        await writes.flush();
        return record;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent writer took the email or external id, or recorded this very row.
      const again = (await this.repository.recordedRows(importId, [row.line])).get(row.line);
      if (again !== undefined) return again;
      return this.recordOnly(importId, {
        line: row.line,
        outcome: 'failed',
        userId: null,
        violations: [
          {
            field: 'email',
            message: 'a user with this email or external id was created meanwhile',
          },
        ],
      });
    }
  }

  private writesIn(transaction: Transaction, importId: string, byUserId: string): ChunkWrites {
    return new ChunkWrites(transaction, importId, byUserId, this.repository, this.events);
  }

  private async write(
    writes: ChunkWrites,
    row: ValidRow,
    plan: Exclude<RowPlan, { kind: 'failed' }>,
    state: ChunkState,
  ): Promise<RowRecord> {
    if (plan.kind === 'create') {
      const user = writes.createUser({
        email: row.email,
        name: row.name,
        language: row.language,
        gender: row.gender,
        externalId: row.externalId,
        // A migrated user signs in at once (with their legacy hash, or after a password reset);
        // anyone else waits for the invitation the import sends.
        status: row.migrated ? 'active' : 'invited',
        passwordHash: row.passwordHash,
        memberships: [row.membership],
      });
      state.add(knownUserOf(user));
      return { line: row.line, outcome: 'created', userId: user.id, violations: [] };
    }
    // The user may be one this chunk creates.
    await writes.flushUsers();
    const { transaction, byUserId } = writes;
    let changed: UserWithMemberships | undefined;
    if (Object.keys(plan.changes).length > 0) {
      changed = await this.repository.changeUser(transaction, plan.user.id, plan.changes);
      await this.events.updated(transaction, changed);
    }
    if (plan.grant) {
      const membership = await this.repository.grant(transaction, plan.user.id, row.membership);
      await this.events.membershipsGranted(transaction, [membership], byUserId);
    }
    state.change(plan.user, plan.changes, plan.grant ? row.membership : undefined);
    return existingRecord(row, plan);
  }

  private async recordOnly(importId: string, record: RowRecord): Promise<RowRecord> {
    try {
      await this.repository.inTransaction((transaction) =>
        this.repository.record(transaction, importId, [record]),
      );
      return record;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = (await this.repository.recordedRows(importId, [record.line])).get(record.line);
      return again ?? record;
    }
  }
}

/** The users of a chunk by email and external id, moved on by every row applied (or foreseen). */
class ChunkState {
  private readonly emails = new Map<string, KnownUser>();
  private readonly externalIds = new Map<string, KnownUser>();

  constructor(users: readonly UserWithMemberships[]) {
    for (const user of users) this.add(knownUserOf(user));
  }

  byEmail(email: string): KnownUser | undefined {
    return this.emails.get(email);
  }

  byExternalId(externalId: string | null): KnownUser | undefined {
    return externalId === null ? undefined : this.externalIds.get(externalId);
  }

  add(user: KnownUser): void {
    this.emails.set(user.email, user);
    if (user.externalId !== null) this.externalIds.set(user.externalId, user);
  }

  change(user: KnownUser, changes: Partial<KnownUser>, granted?: KnownUser['memberships'][number]) {
    Object.assign(user, changes);
    if (granted !== undefined) user.memberships.push(granted);
    this.add(user);
  }
}

function knownUserOf(user: UserWithMemberships): KnownUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    gender: user.gender,
    externalId: user.externalId,
    memberships: user.memberships.map((membership) => ({ ...membership })),
  };
}

function newKnownUser(id: string, row: ValidRow): KnownUser {
  return { ...row, id, memberships: [row.membership] };
}

function failedRecord(row: ValidRow, violations: FieldViolation[]): RowRecord {
  return { line: row.line, outcome: 'failed', userId: null, violations };
}

function existingRecord(row: ValidRow, plan: Extract<RowPlan, { kind: 'existing' }>): RowRecord {
  const changed = plan.grant || Object.keys(plan.changes).length > 0;
  return {
    line: row.line,
    outcome: changed ? 'updated' : 'skipped',
    userId: plan.user.id === '' ? null : plan.user.id,
    violations: [],
  };
}

function resultOf(record: RowRecord): RowResult {
  return {
    line: record.line,
    outcome: outcomes[record.outcome],
    id: record.userId ?? '',
    violations: record.violations,
  };
}

function assertChunk(importId: string, rowCount: number): void {
  const violations: FieldViolation[] = [];
  if (importId.length === 0 || importId.length > MAX_IMPORT_ID_LENGTH)
    violations.push({
      field: 'importId',
      message: `must be 1 to ${MAX_IMPORT_ID_LENGTH} characters`,
    });
  if (rowCount > MAX_IMPORT_ROWS)
    violations.push({ field: 'rows', message: `at most ${MAX_IMPORT_ROWS} a call` });
  if (violations.length > 0)
    throw new DomainError('validation_failed', 'the import chunk is not valid', violations);
}
