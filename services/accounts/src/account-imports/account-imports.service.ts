import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { isAllowed, scopeOf, type Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import { page } from '@onramp/persistence';
import { accountMessage } from '../accounts/account-message';
import { TOP_LEVEL } from '../accounts/accounts.service';
import { PlanCatalogue } from '../accounts/plan-catalogue';
import { nameKey } from '../common/names';
import type { Account } from '../generated/prisma/client';
import { ImportedRowsRepository } from '../imports/imported-rows.repository';
import {
  bulkPageLimit,
  checkedBatchSize,
  checkedBulkRequest,
  exportCursor,
  retriedOnceOnUniqueViolation,
} from '../imports/bulk-request';
import type { RowResult } from '../imports/row-result';
import { AccountImportChunk } from './account-import-chunk';
import { AccountImportsRepository } from './account-imports.repository';

/**
 * Created accounts one AccountsImported message carries: a few hundred bytes each, so a message
 * stays far below NATS's 1 MiB payload limit whatever the chunk size.
 */
const ACCOUNTS_PER_EVENT = 200;

/** The import's and export's accounts: bulk import, resolving references, export pages. */
@Injectable()
export class AccountImportsService {
  constructor(
    private readonly repository: AccountImportsRepository,
    private readonly importedRows: ImportedRowsRepository,
    private readonly outbox: Outbox,
    private readonly plans: PlanCatalogue,
  ) {}

  async import(caller: Caller, request: accounts.ImportAccountsRequest): Promise<RowResult[]> {
    const importId = checkedBulkRequest(request.importId, request.rows);
    return retriedOnceOnUniqueViolation(() => this.importChunk(caller, importId, request));
  }

  private async importChunk(
    caller: Caller,
    importId: string,
    request: accounts.ImportAccountsRequest,
  ): Promise<RowResult[]> {
    const recorded = await this.importedRows.recorded(
      importId,
      'accounts',
      request.rows.map((row) => row.line),
    );
    const fresh = request.rows.filter((row) => !recorded.has(row.line));
    const chunk = new AccountImportChunk(
      caller,
      request.onConflict,
      request.checkOnly,
      this.plans,
      await this.existingFor(fresh),
      new Set(request.plannedExternalIds.map((id) => id.trim())),
    );
    const answered = new Map(fresh.map((row) => [row.line, chunk.plan(row)]));
    if (!request.checkOnly && answered.size > 0) {
      const { created, updated } = chunk.writes();
      await this.repository.transaction(async (transaction) => {
        await this.repository.createMany(transaction, created);
        const saved: Account[] = [];
        for (const account of updated) {
          const { id, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = account;
          saved.push(await this.repository.update(transaction, id, data));
        }
        await this.outbox.appendMany(
          transaction,
          accounts.AccountsImportedSchema,
          chunked(created, ACCOUNTS_PER_EVENT).map((part) => ({
            accounts: part.map((account) => ({
              account: accountMessage(account, this.plans),
              byUserId: caller.userId,
              occurredAt: timestampFromDate(account.createdAt),
            })),
          })),
        );
        await this.outbox.appendMany(
          transaction,
          accounts.AccountUpdatedSchema,
          saved.map((account) => ({
            account: accountMessage(account, this.plans),
            byUserId: caller.userId,
            occurredAt: timestampFromDate(account.updatedAt),
          })),
        );
        await this.importedRows.record(transaction, importId, 'accounts', [...answered.values()]);
      });
      this.outbox.nudge();
    }
    return request.rows.map((row) => recorded.get(row.line) ?? answered.get(row.line)!);
  }

  /**
   * The accounts the rows may name or match, in two queries for the chunk: by id and external id
   * (parents and matches), then by name under the parents found (matches without external id).
   */
  private async existingFor(rows: accounts.ImportedAccount[]): Promise<Account[]> {
    const parentIds = rows
      .map((row) => row.account?.parentId?.trim().toLowerCase() ?? '')
      .filter(isUuid);
    const externalIds = rows
      .flatMap((row) => [row.externalId.trim(), row.parentExternalId?.trim() ?? ''])
      .filter((id) => id !== '');
    const known = await this.repository.byIdsOrExternalIds(parentIds, externalIds);
    const byId = new Map(known.map((account) => [account.id, account]));
    const byExternalId = new Map(known.map((account) => [account.externalId, account]));
    const pairs = rows.map((row) => {
      const parentId = row.account?.parentId?.trim().toLowerCase() || undefined;
      const parentExternalId = row.parentExternalId?.trim() || undefined;
      const parent =
        parentId !== undefined
          ? byId.get(parentId)
          : parentExternalId === undefined
            ? undefined
            : byExternalId.get(parentExternalId);
      const topLevel = parentId === undefined && parentExternalId === undefined;
      return {
        parentKey: topLevel ? TOP_LEVEL : (parent?.id ?? ''),
        nameKey: nameKey(row.account?.name ?? ''),
      };
    });
    const siblings = await this.repository.bySiblingNames(
      pairs.filter((pair) => pair.parentKey !== ''),
    );
    return [...known, ...siblings.filter((account) => !byId.has(account.id))];
  }

  /** The references (Onramp ids first, then external ids) the caller may see, in their order. */
  async resolve(caller: Caller, references: string[]): Promise<accounts.ResolvedAccount[]> {
    checkedBatchSize('references', references.length);
    const ids = references.map((reference) => reference.toLowerCase()).filter(isUuid);
    const found = await this.repository.byIdsOrExternalIds(ids, references);
    const byId = new Map(found.map((account) => [account.id, account]));
    const byExternalId = new Map(found.map((account) => [account.externalId, account]));
    return references.flatMap((reference) => {
      const account = byId.get(reference.toLowerCase()) ?? byExternalId.get(reference);
      if (
        account === undefined ||
        !isAllowed(caller, 'accounts.read', { accountIds: account.path })
      )
        return [];
      return [
        { $typeName: 'onramp.accounts.v1.ResolvedAccount', reference, accountId: account.id },
      ];
    });
  }

  /** A page of every account the caller may read, parents first, with the parents' external ids. */
  async export(caller: Caller, request: accounts.ExportAccountsRequest) {
    const limit = bulkPageLimit(request.limit);
    const scope = scopeOf(caller, 'accounts.read');
    if (!scope.everywhere && scope.accountIds.length === 0) return { accounts: [] };
    const rows = await this.repository.exportPage(scope, exportCursor(request.cursor), limit + 1);
    const { items, nextCursor } = page(rows, limit, (row) => [String(row.depth), row.id]);
    const parents = await this.repository.externalIdsOf([
      ...new Set(items.flatMap((account) => account.parentId ?? [])),
    ]);
    return {
      accounts: items.map((account) => ({
        ...accountMessage(account, this.plans),
        parentExternalId: parents.get(account.parentId ?? '') ?? '',
      })),
      nextCursor,
    };
  }
}

/** The items in order, in parts of at most `size`. */
function chunked<Item>(items: Item[], size: number): Item[][] {
  const parts: Item[][] = [];
  for (let at = 0; at < items.length; at += size) parts.push(items.slice(at, at + size));
  return parts;
}
