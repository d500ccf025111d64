import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE } from '@onramp/persistence';
import { insertRows } from '../common/json-rows';
import type { Account, Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** The accounts a chunk of an import reads and writes, each read one query for the chunk. */
@Injectable()
export class AccountImportsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** Accounts with one of these ids or external ids. */
  byIdsOrExternalIds(ids: string[], externalIds: string[]): Promise<Account[]> {
    if (ids.length === 0 && externalIds.length === 0) return Promise.resolve([]);
    return this.database.account.findMany({
      where: { OR: [{ id: { in: ids } }, { externalId: { in: externalIds } }] },
    });
  }

  /**
   * Accounts with one of these (parent key, name key) pairs, in one query: those with any of the
   * parent keys and any of the names (the unique index answers it), kept if their pair is asked.
   */
  async bySiblingNames(pairs: { parentKey: string; nameKey: string }[]): Promise<Account[]> {
    if (pairs.length === 0) return [];
    const wanted = new Set(pairs.map((pair) => `${pair.parentKey}/${pair.nameKey}`));
    const candidates = await this.database.account.findMany({
      where: {
        parentKey: { in: [...new Set(pairs.map((pair) => pair.parentKey))] },
        nameKey: { in: [...new Set(pairs.map((pair) => pair.nameKey))] },
      },
    });
    return candidates.filter((account) => wanted.has(`${account.parentKey}/${account.nameKey}`));
  }

  /** New accounts in one statement, parents before their sub-accounts. */
  createMany(transaction: Transaction, rows: Account[]): Promise<void> {
    return insertRows(transaction, 'accounts', rows, {
      reimbursementRate: 'reimbursement_rate_eur_per_kwh',
    });
  }

  update(
    transaction: Transaction,
    id: string,
    data: Prisma.AccountUncheckedUpdateInput,
  ): Promise<Account> {
    return transaction.account.update({ where: { id }, data });
  }

  /** A page of the export: in (depth, id) order within the scope, after the cursor. */
  exportPage(
    scope: AccessScope,
    after: { depth: number; id: string } | undefined,
    take: number,
  ): Promise<Account[]> {
    const where: Prisma.AccountWhereInput[] = [];
    if (!scope.everywhere) where.push({ path: { hasSome: [...scope.accountIds] } });
    if (after !== undefined)
      where.push({
        OR: [{ depth: { gt: after.depth } }, { depth: after.depth, id: { gt: after.id } }],
      });
    return this.database.account.findMany({
      where: { AND: where },
      orderBy: [{ depth: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** The external ids of these accounts (those that have one). */
  async externalIdsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.account.findMany({
      where: { id: { in: ids }, externalId: { not: null } },
      select: { id: true, externalId: true },
    });
    return new Map(rows.map((row) => [row.id, row.externalId!]));
  }
}
