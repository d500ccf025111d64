import { Inject, Injectable } from '@nestjs/common';
import { containsText, DATABASE } from '@onramp/persistence';
import type { ChargingCard, Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

@Injectable()
export class ChargingCardsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** The card, if it belongs to that account. */
  cardOf(accountId: string, id: string): Promise<ChargingCard | null> {
    return this.database.chargingCard.findFirst({ where: { id, accountId } });
  }

  create(transaction: Transaction, data: Prisma.ChargingCardUncheckedCreateInput) {
    return transaction.chargingCard.create({ data });
  }

  update(transaction: Transaction, id: string, data: Prisma.ChargingCardUncheckedUpdateInput) {
    return transaction.chargingCard.update({ where: { id }, data });
  }

  /** `query`: part of the uid or of the visual number, matched literally and case-insensitively. */
  list(
    accountId: string,
    filter: { assignedUserId?: string; afterId?: string; query?: string },
    take: number,
  ): Promise<ChargingCard[]> {
    const { assignedUserId, afterId, query } = filter;
    return this.database.chargingCard.findMany({
      where: {
        accountId,
        ...(assignedUserId === undefined ? {} : { assignedUserId }),
        ...(afterId === undefined ? {} : { id: { gt: afterId } }),
        ...(query === undefined
          ? {}
          : { OR: [{ uid: containsText(query) }, { visualNumber: containsText(query) }] }),
      },
      orderBy: { id: 'asc' },
      take,
    });
  }
}
