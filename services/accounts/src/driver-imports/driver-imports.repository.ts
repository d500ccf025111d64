import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, insertRows } from '@onramp/persistence';
import type {
  ChargingCard,
  CostCenter,
  DriverProfile,
  Prisma,
  PrismaClient,
} from '../generated/prisma/client';
import type { DriverChunkState } from './driver-import-chunk';

type Transaction = Prisma.TransactionClient;
type Key = { accountId: string; userId: string };

/** What a chunk of drivers reads (one query each) and writes (multi-row where it can). */
@Injectable()
export class DriverImportsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** `keys` are the (account, user) pairs known; `accountIds` every row's account. */
  async state(
    keys: Key[],
    accountIds: string[],
    costCenterKeys: string[],
    userGroupKeys: string[],
    uids: string[],
  ): Promise<DriverChunkState> {
    const userIds = [...new Set(keys.map((row) => row.userId))];
    const [accounts, profiles, costCenters, userGroups, cards] = await Promise.all([
      this.database.account.findMany({ where: { id: { in: accountIds } } }),
      keys.length === 0 ? [] : this.database.driverProfile.findMany({ where: { OR: keys } }),
      this.database.costCenter.findMany({
        where: { accountId: { in: accountIds }, nameKey: { in: costCenterKeys } },
      }),
      this.database.userGroup.findMany({
        where: { accountId: { in: accountIds }, nameKey: { in: userGroupKeys } },
      }),
      this.database.chargingCard.findMany({
        where: {
          OR: [
            { uid: { in: uids } },
            { accountId: { in: accountIds }, assignedUserId: { in: userIds } },
          ],
        },
      }),
    ]);
    return { accounts, profiles, costCenters, userGroups, cards };
  }

  /** The directory rows of these users (email and name are "" until identity's event came). */
  directoryUsers(userIds: string[]) {
    return this.database.directoryUser.findMany({ where: { userId: { in: userIds } } });
  }

  /**
   * A directory row for each user not known yet: the import describes a user identity has just
   * made, whose UserCreated may still be on its way; that event fills the row in (as it does after
   * an early status change).
   */
  async ensureDirectoryUsers(transaction: Transaction, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await transaction.$executeRaw`
      INSERT INTO "accounts"."user_directory" (user_id, email, name, status)
      SELECT user_id, '', '', 'invited' FROM unnest(${userIds}::uuid[]) AS user_id
      ON CONFLICT (user_id) DO NOTHING`;
  }

  createCostCenters(transaction: Transaction, rows: CostCenter[]): Promise<void> {
    return insertRows(transaction, '"accounts"."cost_centers"', rows);
  }

  createCards(transaction: Transaction, rows: ChargingCard[]): Promise<void> {
    return insertRows(transaction, '"accounts"."charging_cards"', rows);
  }

  async assignCard(transaction: Transaction, card: ChargingCard): Promise<void> {
    await transaction.chargingCard.update({
      where: { id: card.id },
      data: { assignedUserId: card.assignedUserId, lastUpdated: card.lastUpdated },
    });
  }

  createProfiles(transaction: Transaction, rows: DriverProfile[]): Promise<void> {
    return insertRows(transaction, '"accounts"."driver_profiles"', rows);
  }

  async updateProfile(transaction: Transaction, profile: DriverProfile): Promise<DriverProfile> {
    const { accountId, userId, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = profile;
    return transaction.driverProfile.update({
      where: { accountId_userId: { accountId, userId } },
      data,
    });
  }

  accountsWithIds(ids: string[]) {
    return this.database.account.findMany({ where: { id: { in: ids } } });
  }

  /** Which keys ("account/user") are current members of their account. */
  async membersAmong(keys: Key[]): Promise<Set<string>> {
    const rows = await this.database.accountMembership.findMany({
      where: {
        revoked: false,
        userId: { in: keys.map((row) => row.userId) },
        accountIds: { hasSome: keys.map((row) => row.accountId) },
      },
      select: { userId: true, accountIds: true },
    });
    return new Set(
      rows.flatMap((row) => row.accountIds.map((accountId) => `${accountId}/${row.userId}`)),
    );
  }

  /** The profiles of these keys with their cards, for LookupDrivers. */
  async lookup(keys: Key[]) {
    if (keys.length === 0) return { profiles: [], cards: [], costCenters: [], userGroups: [] };
    const profiles = await this.database.driverProfile.findMany({ where: { OR: keys } });
    const [cards, costCenters, userGroups] = await Promise.all([
      this.database.chargingCard.findMany({
        where: { OR: keys.map(({ accountId, userId }) => ({ accountId, assignedUserId: userId })) },
        orderBy: { uid: 'asc' },
      }),
      this.database.costCenter.findMany({
        where: { id: { in: profiles.flatMap((profile) => profile.costCenterId ?? []) } },
      }),
      this.database.userGroup.findMany({
        where: { id: { in: profiles.flatMap((profile) => profile.userGroupIds) } },
      }),
    ]);
    return { profiles, cards, costCenters, userGroups };
  }
}
