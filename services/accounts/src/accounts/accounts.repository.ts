import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE, likeLiteral } from '@onramp/persistence';
import type { Account, Prisma, PrismaClient } from '../generated/prisma/client';

export type Transaction = Prisma.TransactionClient;

/** Serialises moves, so two concurrent moves can never build a cycle between them. */
const TREE_LOCK = 7_401_001;

@Injectable()
export class AccountsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  findById(id: string, transaction: Transaction = this.database): Promise<Account | null> {
    return transaction.account.findUnique({ where: { id } });
  }

  siblingNamed(
    transaction: Transaction,
    parentKey: string,
    nameKey: string,
  ): Promise<{ id: string } | null> {
    return transaction.account.findUnique({
      where: { parentKey_nameKey: { parentKey, nameKey } },
      select: { id: true },
    });
  }

  create(transaction: Transaction, data: Prisma.AccountUncheckedCreateInput): Promise<Account> {
    return transaction.account.create({ data });
  }

  update(
    transaction: Transaction,
    id: string,
    data: Prisma.AccountUncheckedUpdateInput,
  ): Promise<Account> {
    return transaction.account.update({ where: { id }, data });
  }

  async lockTree(transaction: Transaction): Promise<void> {
    await transaction.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK})`;
  }

  /** The deepest level within the subtree of `id` (the account itself included). */
  async deepestBelow(transaction: Transaction, id: string): Promise<number> {
    const result = await transaction.account.aggregate({
      where: { path: { has: id } },
      _max: { depth: true },
    });
    return result._max.depth ?? 0;
  }

  /**
   * Re-roots the subtree of the account at `oldDepth` under `newPrefix` (the new parent's path,
   * empty for the top level): every descendant keeps its path below the account.
   */
  async reroot(
    transaction: Transaction,
    id: string,
    oldDepth: number,
    newPrefix: string[],
  ): Promise<void> {
    await transaction.$executeRaw`
      UPDATE "accounts"."accounts"
      SET path = ${newPrefix}::uuid[] || path[${oldDepth + 1}:array_length(path, 1)],
          depth = depth + ${newPrefix.length - oldDepth},
          updated_at = now()
      WHERE path @> ARRAY[${id}]::uuid[]`;
  }

  /** A page in (name_key, id) order, within the scope, starting after the cursor. */
  list(
    scope: AccessScope,
    filter: { query?: string; parentId?: string; after?: { nameKey: string; id: string } },
    take: number,
  ): Promise<Account[]> {
    const where: Prisma.AccountWhereInput[] = [];
    if (!scope.everywhere) where.push({ path: { hasSome: [...scope.accountIds] } });
    if (filter.parentId !== undefined) where.push({ parentId: filter.parentId });
    if (filter.query !== undefined && filter.query !== '')
      where.push({ nameKey: { contains: likeLiteral(filter.query) } });
    if (filter.after !== undefined)
      where.push({
        OR: [
          { nameKey: { gt: filter.after.nameKey } },
          { nameKey: filter.after.nameKey, id: { gt: filter.after.id } },
        ],
      });
    return this.database.account.findMany({
      where: { AND: where },
      orderBy: [{ nameKey: 'asc' }, { id: 'asc' }],
      take,
    });
  }
}
