import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE, insertRows, modelRows } from '@onramp/persistence';
import type { Account, Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** Account fields whose column schema.prisma names otherwise. */
const RENAMED = { reimbursementRate: 'reimbursement_rate_eur_per_kwh' };

/** The accounts a chunk of an import reads and writes, each read one query for the chunk. */
@Injectable()
export class AccountImportsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** Accounts with one of these ids or external ids. */
  async byIdsOrExternalIds(ids: string[], externalIds: string[]): Promise<Account[]> {
    if (ids.length === 0 && externalIds.length === 0) return [];
    return modelRows<Account>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT * FROM "accounts"."accounts"
         WHERE id = ANY(${ids}::uuid[]) OR external_id = ANY(${externalIds}::text[])`,
      RENAMED,
    );
  }

  /** Accounts with one of these (parent key, name key) pairs, in one query. */
  async bySiblingNames(pairs: { parentKey: string; nameKey: string }[]): Promise<Account[]> {
    if (pairs.length === 0) return [];
    return modelRows<Account>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT a.* FROM "accounts"."accounts" AS a
          JOIN unnest(${pairs.map((pair) => pair.parentKey)}::text[],
                      ${pairs.map((pair) => pair.nameKey)}::text[]) AS wanted(parent_key, name_key)
            ON a.parent_key = wanted.parent_key::uuid AND a.name_key = wanted.name_key`,
      RENAMED,
    );
  }

  /** New accounts in one statement, parents before their sub-accounts. */
  createMany(transaction: Transaction, rows: Account[]): Promise<void> {
    return insertRows(transaction, '"accounts"."accounts"', rows, RENAMED);
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
