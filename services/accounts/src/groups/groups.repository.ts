import { Inject, Injectable } from '@nestjs/common';
import { containsText, DATABASE } from '@onramp/persistence';
import type { CostCenter, Prisma, PrismaClient, UserGroup } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** Cost centers and user groups: small per-account lists, paged by id. */
@Injectable()
export class GroupsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** The cost center, if it belongs to that account. */
  costCenterOf(accountId: string, id: string): Promise<CostCenter | null> {
    return this.database.costCenter.findFirst({ where: { id, accountId } });
  }

  costCenterNamed(
    transaction: Transaction,
    accountId: string,
    nameKey: string,
  ): Promise<CostCenter | null> {
    return transaction.costCenter.findUnique({
      where: { accountId_nameKey: { accountId, nameKey } },
    });
  }

  createCostCenter(
    transaction: Transaction,
    data: Prisma.CostCenterUncheckedCreateInput,
  ): Promise<CostCenter> {
    return transaction.costCenter.create({ data });
  }

  updateCostCenter(
    transaction: Transaction,
    id: string,
    data: { name: string; nameKey: string },
  ): Promise<CostCenter> {
    return transaction.costCenter.update({ where: { id }, data });
  }

  deleteCostCenter(transaction: Transaction, id: string): Promise<CostCenter> {
    return transaction.costCenter.delete({ where: { id } });
  }

  /** `query`: part of the name, matched literally and case-insensitively. */
  listCostCenters(accountId: string, filter: { afterId?: string; query?: string }, take: number) {
    return this.database.costCenter.findMany({
      where: { accountId, ...groupFilter(filter) },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** The user group, if it belongs to that account. */
  userGroupOf(accountId: string, id: string): Promise<UserGroup | null> {
    return this.database.userGroup.findFirst({ where: { id, accountId } });
  }

  countUserGroups(accountId: string, ids: string[]): Promise<number> {
    return this.database.userGroup.count({ where: { accountId, id: { in: ids } } });
  }

  createUserGroup(
    transaction: Transaction,
    data: Prisma.UserGroupUncheckedCreateInput,
  ): Promise<UserGroup> {
    return transaction.userGroup.create({ data });
  }

  updateUserGroup(
    transaction: Transaction,
    id: string,
    data: Prisma.UserGroupUncheckedUpdateInput,
  ): Promise<UserGroup> {
    return transaction.userGroup.update({ where: { id }, data });
  }

  /** Deletes the group and takes it off every driver of its account. */
  async deleteUserGroup(transaction: Transaction, group: UserGroup): Promise<void> {
    await transaction.$executeRaw`
      UPDATE "accounts"."driver_profiles"
      SET user_group_ids = array_remove(user_group_ids, ${group.id}::uuid)
      WHERE account_id = ${group.accountId}::uuid AND ${group.id}::uuid = ANY(user_group_ids)`;
    await transaction.userGroup.delete({ where: { id: group.id } });
  }

  /** Drivers for whom this is the only group (a Pro account cannot leave them without one). */
  driversOnlyIn(group: UserGroup): Promise<number> {
    return this.database.driverProfile.count({
      where: { accountId: group.accountId, userGroupIds: { equals: [group.id] } },
    });
  }

  /** `query`: part of the name, matched literally and case-insensitively. */
  listUserGroups(accountId: string, filter: { afterId?: string; query?: string }, take: number) {
    return this.database.userGroup.findMany({
      where: { accountId, ...groupFilter(filter) },
      orderBy: { id: 'asc' },
      take,
    });
  }
}

/** The page's start and the search, as the two lists of named groups both filter them. */
function groupFilter({ afterId, query }: { afterId?: string; query?: string }) {
  return {
    ...(afterId === undefined ? {} : { id: { gt: afterId } }),
    ...(query === undefined ? {} : { name: containsText(query) }),
  };
}
