import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';

@Injectable()
export class UserDirectoryRepository {
  /** A plain insert: the consumer guarantees one call per event, so a duplicate is a bug to surface. */
  async record(
    transaction: Prisma.TransactionClient,
    user: { userId: string; email: string; name: string; status: string },
  ): Promise<void> {
    await transaction.directoryUser.create({ data: user });
  }

  async update(
    transaction: Prisma.TransactionClient,
    user: { userId: string; email: string; name: string },
  ): Promise<void> {
    await transaction.directoryUser.updateMany({
      where: { userId: user.userId },
      data: { email: user.email, name: user.name },
    });
  }

  async setStatus(
    transaction: Prisma.TransactionClient,
    userId: string,
    status: string,
  ): Promise<void> {
    await transaction.directoryUser.updateMany({ where: { userId }, data: { status } });
  }

  async erase(transaction: Prisma.TransactionClient, userId: string): Promise<void> {
    await transaction.directoryUser.deleteMany({ where: { userId } });
  }
}
