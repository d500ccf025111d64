import { randomUUID } from 'node:crypto';
import { toBinary } from '@bufbuild/protobuf';
import { Inject, Injectable } from '@nestjs/common';
import { holdsAnywhere, scopeOf, type Caller } from '@onramp/authz';
import { SERVICE_CONFIG } from '@onramp/config';
import { common, imports } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { UploadStore } from '@onramp/messaging';
import { decodeCursor, encodeCursor, pageLimit } from '@onramp/persistence';
import type { ImportConfig } from '../config/import-config';
import { REPORT_HEADERS, templateRows } from '../columns/file-layout';
import { csvRows } from '../csv/csv-writer';
import type { ImportJob } from '../generated/prisma/client';
import { KindRegistry } from '../kinds/kind-registry';
import { JobRunner } from '../running/job-runner';
import { JobStore } from './job-store';
import { conflictWords, FINISHED, kindWords, outcomeWords, type JobStatus } from './job-words';

const ERROR_PAGE_ROWS = 1000;
/** How long a client is asked to wait when the installation runs its limit of jobs. */
const BUSY_RETRY_SECONDS = 30;

function notFound(): DomainError {
  return new DomainError('not_found', 'no such import');
}

/** What the import service's RPCs do: jobs, their reports, templates and exports. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly store: JobStore,
    private readonly kinds: KindRegistry,
    private readonly runner: JobRunner,
    private readonly uploads: UploadStore,
    @Inject(SERVICE_CONFIG) private readonly config: ImportConfig,
  ) {}

  async create(caller: Caller, request: imports.CreateImportRequest): Promise<ImportJob> {
    if (!holdsAnywhere(caller, 'imports.manage'))
      throw new DomainError('forbidden', 'importing needs imports.manage');
    try {
      this.kinds.of(request.kind);
      if (request.objectName === '' || (await this.uploads.get(request.objectName)) === undefined)
        throw new DomainError('validation_failed', 'no uploaded file', [
          { field: 'file', message: 'is required' },
        ]);
    } catch (error) {
      await this.uploads.delete(request.objectName).catch(() => undefined);
      throw error;
    }
    if ((await this.store.running()) >= this.config.IMPORT_MAX_CONCURRENT_JOBS)
      throw new DomainError(
        'rate_limited',
        `the installation runs ${this.config.IMPORT_MAX_CONCURRENT_JOBS} imports at once already; try again later`,
        [],
        BUSY_RETRY_SECONDS,
      );
    const job = await this.store.create({
      id: randomUUID(),
      kind: kindWords.word(request.kind),
      status: 'validating',
      dryRun: request.dryRun,
      onConflict: conflictWords.word(request.onConflict || common.ConflictPolicy.SKIP),
      sendInvitations: request.sendInvitations ?? true,
      fileName: request.fileName.slice(0, 255),
      objectName: request.objectName,
      sizeBytes: request.sizeBytes,
      caller: toBinary(common.CallerSchema, caller),
      createdByUserId: caller.userId,
      platform: scopeOf(caller, 'imports.manage').everywhere,
    });
    this.runner.nudge();
    return job;
  }

  async get(caller: Caller, id: string): Promise<ImportJob> {
    const job = /^[0-9a-f-]{36}$/i.test(id) ? await this.store.find(id) : null;
    if (job === null || !visibleTo(caller, job)) throw notFound();
    return job;
  }

  async list(caller: Caller, request: imports.ListImportsRequest) {
    if (!holdsAnywhere(caller, 'imports.manage')) return { items: [], nextCursor: undefined };
    const limit = pageLimit(request.limit);
    const [createdAt, id] = request.cursor === undefined ? [] : decodeCursor(request.cursor, 2);
    const rows = await this.store.list(
      {
        ...(scopeOf(caller, 'imports.manage').everywhere
          ? {}
          : { createdByUserId: caller.userId, platform: false }),
        ...(createdAt === undefined
          ? {}
          : {
              OR: [
                { createdAt: { lt: new Date(createdAt) } },
                { createdAt: new Date(createdAt), id: { lt: id } },
              ],
            }),
      },
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : undefined,
    };
  }

  async cancel(caller: Caller, id: string): Promise<ImportJob> {
    const job = await this.get(caller, id);
    const open: JobStatus[] = ['validating', 'ready', 'applying'];
    if (
      !(await this.store.setStatus(job.id, open, { status: 'cancelled', finishedAt: new Date() }))
    )
      throw new DomainError('conflict', `the import is ${job.status} already`);
    await this.uploads.delete(job.objectName).catch(() => undefined);
    return (await this.store.find(job.id))!;
  }

  async apply(caller: Caller, id: string): Promise<ImportJob> {
    const job = await this.get(caller, id);
    const applying = await this.store.setStatus(job.id, ['ready'], {
      status: 'applying',
      nextLine: 0,
      stepDone: 0,
      stepStartedAt: new Date(),
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
    });
    if (!applying)
      throw new DomainError(
        'conflict',
        FINISHED.includes(job.status as JobStatus) || !job.dryRun
          ? `the import is ${job.status}: only a dry run that is ready can be applied`
          : 'the dry run is not ready yet',
      );
    this.runner.nudge();
    return (await this.store.find(job.id))!;
  }

  /** Each row with its outcome so far and its problems, a page at a time: the file's preview. */
  async rows(caller: Caller, request: imports.ListImportRowsRequest) {
    const job = await this.get(caller, request.importId);
    const limit = pageLimit(request.limit);
    const afterLine = lineAfter(request.cursor);
    const outcome = request.outcome === common.RowOutcome.UNSPECIFIED ? undefined : request.outcome;
    const rows = await this.store.rows(
      job.id,
      outcome === undefined ? undefined : outcomeWords.word(outcome),
      afterLine,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      headers: job.headers as string[],
      rows: page.map((row) => ({
        line: row.line,
        outcome: outcomeWords.value(row.outcome ?? ''),
        cells: row.cells as string[],
        violations: row.violations as { field: string; message: string }[],
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([String(last.line)]) : undefined,
    };
  }

  /** The invalid and failed rows as the file had them, with where and why, a page at a time. */
  async errors(caller: Caller, id: string, cursor: string | undefined) {
    const job = await this.get(caller, id);
    const afterLine = lineAfter(cursor);
    const headers = job.headers as string[];
    const kept = headers
      .map((header, position) => ({ header, position }))
      .filter(({ header }) => !(REPORT_HEADERS as readonly string[]).includes(header));
    const rows = await this.store.problems(job.id, afterLine, ERROR_PAGE_ROWS + 1);
    const page = rows.slice(0, ERROR_PAGE_ROWS);
    const lines = page.map((row) => {
      const cells = row.cells as string[];
      const violations = row.violations as { field: string; message: string }[];
      return [
        ...kept.map(({ position }) => cells[position] ?? ''),
        String(row.line),
        [
          ...new Set(
            violations.map((violation) => violation.field).filter((field) => field !== ''),
          ),
        ].join('; '),
        violations
          .map((violation) =>
            violation.field === '' ? violation.message : `${violation.field}: ${violation.message}`,
          )
          .join('; '),
      ];
    });
    const last = page[page.length - 1];
    return {
      csv: csvRows(
        cursor === undefined
          ? [[...kept.map(({ header }) => header), ...REPORT_HEADERS], ...lines]
          : lines,
      ),
      nextCursor:
        rows.length > ERROR_PAGE_ROWS && last ? encodeCursor([String(last.line)]) : undefined,
    };
  }

  template(kind: imports.ImportKind): string {
    return csvRows(templateRows(this.kinds.of(kind).columns));
  }

  async exportPage(caller: Caller, request: imports.ExportPageRequest) {
    if (!holdsAnywhere(caller, 'exports.read'))
      throw new DomainError('forbidden', 'exporting needs exports.read');
    const kind = this.kinds.of(request.kind);
    const page = await kind.exportPage(caller, request.accountId, request.cursor);
    const header = kind.columns.map((column) => column.header);
    return {
      csv: csvRows(request.cursor === undefined ? [header, ...page.rows] : page.rows),
      nextCursor: page.nextCursor,
    };
  }
}

/** A job is its uploader's; a platform caller with imports.manage sees every job. */
function visibleTo(caller: Caller, job: ImportJob): boolean {
  if (scopeOf(caller, 'imports.manage').everywhere) return true;
  return (
    holdsAnywhere(caller, 'imports.manage') &&
    !job.platform &&
    job.createdByUserId === caller.userId
  );
}

/** The line a page of rows continues after: 0 for the first page. */
function lineAfter(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const line = Number(decodeCursor(cursor, 1)[0]);
  if (Number.isSafeInteger(line) && line >= 0) return line;
  throw new DomainError('validation_failed', 'the cursor is not valid', [
    { field: 'cursor', message: 'use the nextCursor of a previous page' },
  ]);
}
