import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@onramp/errors';
import { DATABASE } from '@onramp/persistence';
import { Prisma, type PrismaClient, type User } from '../generated/prisma/client';

export type { User };

@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /** Inserts the user and runs `alsoInTransaction` (e.g. the outbox append) in the same transaction. */
  async createWith(
    data: { email: string; name: string },
    alsoInTransaction: (transaction: Prisma.TransactionClient, user: User) => Promise<void>,
  ): Promise<User> {
    try {
      return await this.database.$transaction(async (transaction) => {
        const user = await transaction.user.create({ data: { id: randomUUID(), ...data } });
        await alsoInTransaction(transaction, user);
        return user;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DomainError('conflict', 'a user with this email already exists');
      }
      throw error;
    }
  }
}
