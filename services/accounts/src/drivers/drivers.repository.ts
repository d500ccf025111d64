import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@onramp/persistence';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

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

  async list(
    accountId: string,
    status: string,
    afterUserId: string | undefined,
    take: number,
  ): Promise<DriverRow[]> {
    const profiles = await this.database.driverProfile.findMany({
      where: {
        accountId,
        user: { status },
        ...(afterUserId === undefined ? {} : { userId: { gt: afterUserId } }),
      },
      include: withUser,
      orderBy: { userId: 'asc' },
      take,
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
