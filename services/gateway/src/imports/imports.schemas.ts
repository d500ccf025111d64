import { z } from 'zod';
import { id, idParams, page, pageQueryFields, timestamp } from '../http/common.schemas';
import { conflictPolicies, importKinds, importStatuses, rowOutcomes } from './import-words';

const kind = z.enum(importKinds.words);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

/** The form fields of an upload (the file is its own part, streamed, never in here). */
export const uploadFields = z.strictObject({
  kind,
  dryRun: flag(false).describe(
    'Report each row as would-create, would-update, would-skip or error, changing nothing',
  ),
  onConflict: z
    .enum(conflictPolicies.words)
    .default('skip')
    .describe('A row whose record exists already'),
  sendInvitations: flag(true).describe('Users only: invite the users who are not migrated'),
});

export const importParams = idParams;
export const templateParams = z.strictObject({ kind });
export const listImportsQuery = z.strictObject(pageQueryFields);
export const listImportRowsQuery = z.strictObject({
  outcome: z
    .enum(rowOutcomes.words)
    .optional()
    .describe('Only rows with this outcome (for a dry run, what applying would do)'),
  ...pageQueryFields,
});
export const usersExportQuery = z.strictObject({
  accountId: id().optional().describe('The members of this account and its sub-accounts'),
});

export const importResponse = z.object({
  id: z.string(),
  kind,
  status: z.enum(importStatuses.words),
  dryRun: z.boolean(),
  onConflict: z.enum(conflictPolicies.words),
  sendInvitations: z.boolean(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
  }),
  percentDone: z.number().int(),
  rowsPerSecond: z.number(),
  estimatedSecondsLeft: z.number().int().nullable(),
  failure: z.string().nullable(),
  createdByUserId: z.string(),
  createdAt: timestamp(),
  finishedAt: timestamp().nullable(),
  encoding: z.string(),
  delimiter: z.string(),
});

export const importPageResponse = page(importResponse);

export const importRowResponse = z.object({
  line: z.number().int().describe("The row's line in the file"),
  outcome: z
    .enum(rowOutcomes.words)
    .nullable()
    .describe('For a dry run what applying would do, else what it did; null while not yet known'),
  cells: z.array(z.string()).describe('As the file had them, in the order of `headers`'),
  violations: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const importRowPageResponse = z.object({
  headers: z.array(z.string()).describe("The file's header row"),
  items: z.array(importRowResponse),
  nextCursor: z.string().nullable(),
});

export type UploadFields = z.output<typeof uploadFields>;
export type ImportResponse = z.output<typeof importResponse>;
export type ListImportsQuery = z.output<typeof listImportsQuery>;
export type ListImportRowsQuery = z.output<typeof listImportRowsQuery>;
export type ImportRowPageResponse = z.output<typeof importRowPageResponse>;
