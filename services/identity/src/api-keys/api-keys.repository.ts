import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE } from '@onramp/persistence';
import type { ApiKey, Prisma, PrismaClient } from '../generated/prisma/client';

type AlsoInTransaction = (transaction: Prisma.TransactionClient, key: ApiKey) => Promise<void>;

// Recording every use would put a write on every partner request; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  findById(id: string): Promise<ApiKey | null> {
    return this.database.apiKey.findUnique({ where: { id } });
  }

  create(data: Prisma.ApiKeyUncheckedCreateInput, also: AlsoInTransaction): Promise<ApiKey> {
    return this.database.$transaction(async (transaction) => {
      const key = await transaction.apiKey.create({ data });
      await also(transaction, key);
      return key;
    });
  }

  list(scope: AccessScope, accountId: string | undefined): Promise<ApiKey[]> {
    const inScope: Prisma.ApiKeyWhereInput = scope.everywhere
      ? {}
      : { accountId: { in: [...scope.accountIds] } };
    return this.database.apiKey.findMany({
      where: { AND: [inScope, accountId === undefined ? {} : { accountId }] },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  revoke(id: string, also: AlsoInTransaction): Promise<ApiKey> {
    return this.database.$transaction(async (transaction) => {
      const key = await transaction.apiKey.update({
        where: { id },
        data: { revokedAt: new Date() },
      });
      await also(transaction, key);
      return key;
    });
  }

  async recordUse(key: ApiKey, now: Date): Promise<void> {
    if (
      key.lastUsedAt !== null &&
      now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS
    )
      return;
    await this.database.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
}
