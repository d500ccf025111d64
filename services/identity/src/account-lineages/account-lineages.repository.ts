import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** An account's lineage: its ancestors (top-level first) and itself last. */
export type LineageOf = (accountId: string) => readonly string[];

/**
 * Identity's copy of the account tree, one row per account with its ancestors. Accounts whose
 * creation identity has not seen have no row and count as top-level: their lineage is themselves.
 */
@Injectable()
export class AccountLineagesRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** The lineages of these accounts, loaded at once for the checks that follow. */
  async lineagesOf(accountIds: readonly string[]): Promise<LineageOf> {
    const rows =
      accountIds.length === 0
        ? []
        : await this.database.accountLineage.findMany({
            where: { accountId: { in: [...new Set(accountIds)] } },
          });
    const ancestors = new Map(rows.map((row) => [row.accountId, row.ancestorIds]));
    return (accountId) => [...(ancestors.get(accountId) ?? []), accountId];
  }

  /** The stored ancestors of one account; undefined when identity does not know the account. */
  async ancestorsOf(transaction: Transaction, accountId: string): Promise<string[] | undefined> {
    const row = await transaction.accountLineage.findUnique({ where: { accountId } });
    return row?.ancestorIds;
  }

  /** Records a new account; one already known (moved before its creation arrived) is kept. */
  async recordCreated(
    transaction: Transaction,
    accountId: string,
    ancestorIds: readonly string[],
  ): Promise<void> {
    await transaction.accountLineage.createMany({
      data: [{ accountId, ancestorIds: [...ancestorIds] }],
      skipDuplicates: true,
    });
  }

  /**
   * Gives the account new ancestors and rewrites the lineage of its whole subtree: in every
   * descendant, what came before the account is replaced by the new ancestors.
   */
  async recordMoved(
    transaction: Transaction,
    accountId: string,
    ancestorIds: readonly string[],
  ): Promise<void> {
    await transaction.accountLineage.upsert({
      where: { accountId },
      create: { accountId, ancestorIds: [...ancestorIds] },
      update: { ancestorIds: [...ancestorIds] },
    });
    await transaction.$executeRaw`
      UPDATE "identity"."account_lineages"
         SET ancestor_ids = ${[...ancestorIds]}::uuid[] || ${accountId}::uuid
                            || ancestor_ids[array_position(ancestor_ids, ${accountId}::uuid) + 1:]
       WHERE ancestor_ids @> ARRAY[${accountId}::uuid]`;
  }

  /** Every account below any of these (not the accounts themselves). */
  async descendantsOf(accountIds: readonly string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.database.accountLineage.findMany({
      where: { ancestorIds: { hasSome: [...accountIds] } },
      select: { accountId: true },
    });
    return rows.map((row) => row.accountId);
  }

  /** These accounts and every account below them: everywhere a grant on them reaches. */
  async subtreesOf(accountIds: readonly string[]): Promise<string[]> {
    return [...accountIds, ...(await this.descendantsOf(accountIds))];
  }
}
