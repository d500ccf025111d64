import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@onramp/contracts';
import { DATABASE, likeLiteral } from '@onramp/persistence';
import { Prisma, type DirectoryUser, type PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

const withUser = { user: true } as const;
export type DriverRow = Prisma.DriverProfileGetPayload<{ include: typeof withUser }> & {
  chargingCardIds: string[];
};

/** A member's profile before anyone described them: every field empty. */
function blank(
  accountId: string,
  user: DirectoryUser,
): Prisma.DriverProfileGetPayload<{ include: typeof withUser }> {
  return {
    accountId,
    userId: user.userId,
    costCenterId: null,
    info1: '',
    info2: '',
    vehicleMake: '',
    vehicleModel: '',
    licencePlate: '',
    userGroupIds: [],
    prioritised: false,
    createdAt: user.recordedAt,
    updatedAt: user.recordedAt,
    user,
  };
}

/**
 * The drivers of an account: the users identity made members of exactly this account (a current
 * membership) whose creation has reached the directory. The tabs, the profiles and the cards all
 * go by this one rule; the user's status only says which tab lists them.
 */
function driversOf(accountId: string): Prisma.Sql {
  return Prisma.sql`
    FROM "accounts"."account_memberships" m
    JOIN "accounts"."user_directory" u ON u.user_id = m.user_id
    WHERE NOT m.revoked AND m.account_ids @> ARRAY[${accountId}::uuid] AND u.email <> ''`;
}

/** Driver profiles joined with the user directory and their cards. */
@Injectable()
export class DriversRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** Whether the user is a driver of the account (see driversOf); false for a malformed id. */
  async isDriver(accountId: string, userId: string): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const [row] = await this.database.$queryRaw<{ driver: boolean }[]>`
      SELECT EXISTS (SELECT 1 ${driversOf(accountId)} AND u.user_id = ${userId}::uuid) AS driver`;
    return row.driver;
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
    const profile =
      (await transaction.driverProfile.findUnique({
        where: { accountId_userId: { accountId, userId } },
        include: withUser,
      })) ?? (await this.blankProfile(transaction, accountId, userId));
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

  /**
   * A page of the account's members in this status, in user id order, each with their profile: a
   * member nobody has described yet (an invitee who just accepted) has a blank one.
   */
  async list(
    accountId: string,
    status: string,
    { afterUserId, query }: { afterUserId?: string; query?: string },
    take: number,
  ): Promise<DriverRow[]> {
    const after =
      afterUserId === undefined ? Prisma.empty : Prisma.sql`AND u.user_id > ${afterUserId}::uuid`;
    const pattern = query === undefined ? undefined : `%${likeLiteral(query)}%`;
    const matching =
      pattern === undefined
        ? Prisma.empty
        : Prisma.sql`AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`;
    const members = await this.database.$queryRaw<{ user_id: string }[]>`
      SELECT DISTINCT u.user_id::text AS user_id
      ${driversOf(accountId)} AND u.status = ${status} ${after} ${matching}
      ORDER BY user_id
      LIMIT ${take}`;
    if (members.length === 0) return [];
    const userIds = members.map((member) => member.user_id);
    // The directory rows are loaded once: for the described members and the blank ones alike.
    const [profiles, users] = await Promise.all([
      this.database.driverProfile.findMany({ where: { accountId, userId: { in: userIds } } }),
      this.database.directoryUser.findMany({ where: { userId: { in: userIds } } }),
    ]);
    const described = new Map(profiles.map((profile) => [profile.userId, profile]));
    const rows = users
      .map((user) => {
        const profile = described.get(user.userId);
        return profile === undefined ? blank(accountId, user) : { ...profile, user };
      })
      .sort((a, b) => (a.userId < b.userId ? -1 : 1));
    return this.withCards(this.database, rows);
  }

  /** The blank profile of a member without one; null for a user unknown to the directory. */
  private async blankProfile(transaction: Transaction, accountId: string, userId: string) {
    const user = await transaction.directoryUser.findUnique({ where: { userId } });
    return user === null || user.email === '' ? null : blank(accountId, user);
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
