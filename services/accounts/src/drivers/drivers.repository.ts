import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import { Prisma, type PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

const withUser = { user: true } as const;
export type DriverRow = Prisma.DriverProfileGetPayload<{ include: typeof withUser }> & {
  chargingCardIds: string[];
};

/** Driver profiles joined with the user directory and their cards. */
@Injectable()
export class DriversRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  userExists(userId: string): Promise<boolean> {
    return this.database.directoryUser.count({ where: { userId } }).then((count) => count > 0);
  }

  costCenterOf(accountId: string, id: string) {
    return this.database.costCenter.findFirst({ where: { accountId, id } });
  }

  countUserGroups(accountId: string, ids: string[]): Promise<number> {
    return this.database.userGroup.count({ where: { accountId, id: { in: ids } } });
  }

  async find(
    accountId: string,
    userId: string,
    transaction: Transaction = this.database,
  ): Promise<DriverRow | null> {
    const profile = await transaction.driverProfile.findUnique({
      where: { accountId_userId: { accountId, userId } },
      include: withUser,
    });
    if (profile === null) return null;
    return (await this.withCards(transaction, [profile]))[0];
  }

  async upsert(
    transaction: Transaction,
    accountId: string,
    userId: string,
    data: Omit<Prisma.DriverProfileUncheckedCreateInput, 'accountId' | 'userId'>,
  ): Promise<DriverRow> {
    await transaction.driverProfile.upsert({
      where: { accountId_userId: { accountId, userId } },
      create: { ...data, accountId, userId },
      update: data,
    });
    return (await this.find(accountId, userId, transaction))!;
  }

  /** A page of the account's profiles whose users are still members of it, in user id order. */
  async list(
    accountId: string,
    status: string,
    afterUserId: string | undefined,
    take: number,
  ): Promise<DriverRow[]> {
    const after =
      afterUserId === undefined ? Prisma.empty : Prisma.sql`AND d.user_id > ${afterUserId}::uuid`;
    const members = await this.database.$queryRaw<{ user_id: string }[]>`
      SELECT d.user_id::text AS user_id
      FROM "accounts"."driver_profiles" d
      JOIN "accounts"."user_directory" u ON u.user_id = d.user_id
      WHERE d.account_id = ${accountId}::uuid AND u.status = ${status} ${after}
        AND EXISTS (
          SELECT 1 FROM "accounts"."account_memberships" m
          WHERE m.user_id = d.user_id AND NOT m.revoked
            AND m.account_ids @> ARRAY[${accountId}::uuid])
      ORDER BY d.user_id
      LIMIT ${take}`;
    if (members.length === 0) return [];
    const profiles = await this.database.driverProfile.findMany({
      where: { accountId, userId: { in: members.map((member) => member.user_id) } },
      include: withUser,
      orderBy: { userId: 'asc' },
    });
    return this.withCards(this.database, profiles);
  }

  /** Erasure: the user's profiles go and their cards are unassigned (the cards stay). */
  async eraseUser(transaction: Transaction, userId: string): Promise<string[]> {
    const profiles = await transaction.driverProfile.findMany({
      where: { userId },
      select: { accountId: true },
    });
    await transaction.chargingCard.updateMany({
      where: { assignedUserId: userId },
      data: { assignedUserId: null, lastUpdated: new Date() },
    });
    await transaction.driverProfile.deleteMany({ where: { userId } });
    return profiles.map((profile) => profile.accountId);
  }

  private async withCards(
    transaction: Transaction,
    profiles: Prisma.DriverProfileGetPayload<{ include: typeof withUser }>[],
  ): Promise<DriverRow[]> {
    if (profiles.length === 0) return [];
    const cards = await transaction.chargingCard.findMany({
      where: {
        OR: profiles.map((profile) => ({
          accountId: profile.accountId,
          assignedUserId: profile.userId,
        })),
      },
      select: { id: true, accountId: true, assignedUserId: true },
      orderBy: { id: 'asc' },
    });
    return profiles.map((profile) => ({
      ...profile,
      chargingCardIds: cards
        .filter(
          (card) => card.accountId === profile.accountId && card.assignedUserId === profile.userId,
        )
        .map((card) => card.id),
    }));
  }
}
