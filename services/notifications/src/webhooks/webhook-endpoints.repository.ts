import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { DATABASE, NEWEST_FIRST, olderThan, type NewestFirstKey } from '@onramp/persistence';
import type { Prisma, PrismaClient, WebhookEndpoint } from '../generated/prisma/client';

export interface NewWebhookEndpoint {
  id: string;
  accountId: string | null;
  url: string;
  eventTypes: string[];
  description: string;
  encryptedSecret: string;
  createdBy: string;
}

export interface EndpointFailures {
  consecutiveFailures: number;
  failingSince: Date;
}

@Injectable()
export class WebhookEndpointsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  async create(endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint> {
    return this.database.webhookEndpoint.create({ data: endpoint });
  }

  /** The endpoints of one account, or (null) the platform's. */
  async countOwnedBy(accountId: string | null): Promise<number> {
    return this.database.webhookEndpoint.count({ where: { accountId } });
  }

  async find(id: string): Promise<WebhookEndpoint | null> {
    return this.database.webhookEndpoint.findUnique({ where: { id } });
  }

  /** Newest first (created_at, then id, both descending), at most `take` rows. */
  async list(
    scope: AccessScope,
    accountId: string | undefined,
    after: NewestFirstKey | undefined,
    take: number,
  ): Promise<WebhookEndpoint[]> {
    const owners = scope.everywhere ? undefined : { in: [...scope.accountIds] };
    return this.database.webhookEndpoint.findMany({
      where: {
        AND: [{ accountId: owners }, { accountId }, olderThan(after)],
      },
      orderBy: [...NEWEST_FIRST],
      take,
    });
  }

  /** Its deliveries go with it (ON DELETE CASCADE); the events they carried age out with the log. */
  async delete(id: string): Promise<void> {
    await this.database.webhookEndpoint.deleteMany({ where: { id } });
  }

  async enable(id: string): Promise<WebhookEndpoint> {
    return this.database.webhookEndpoint.update({
      where: { id },
      data: {
        status: 'enabled',
        disabledAt: null,
        disabledReason: null,
        consecutiveFailures: 0,
        failingSince: null,
      },
    });
  }

  /**
   * The enabled endpoints subscribed to any of `types` that receive events about `accountIds`:
   * the platform's (account null), and those of any of these accounts. Read in the consumer's
   * transaction.
   */
  subscribedTo(
    transaction: Prisma.TransactionClient,
    types: readonly string[],
    accountIds: readonly string[],
  ): Promise<{ id: string; accountId: string | null; eventTypes: string[] }[]> {
    return transaction.webhookEndpoint.findMany({
      where: {
        status: 'enabled',
        eventTypes: { hasSome: [...new Set(types)] },
        OR: [{ accountId: null }, { accountId: { in: [...new Set(accountIds)] } }],
      },
      select: { id: true, accountId: true, eventTypes: true },
    });
  }

  /** A delivered attempt ends the endpoint's run of failures. */
  async recordSuccess(id: string): Promise<void> {
    await this.database.webhookEndpoint.updateMany({
      where: { id, OR: [{ consecutiveFailures: { gt: 0 } }, { failingSince: { not: null } }] },
      data: { consecutiveFailures: 0, failingSince: null },
    });
  }

  /**
   * A failed attempt, counted in one statement so that replicas failing deliveries of the same
   * endpoint at once count every one; `deliveryFailed` when it was the delivery's last. Undefined
   * when the endpoint was deleted meanwhile.
   */
  async recordFailure(id: string, deliveryFailed: boolean): Promise<EndpointFailures | undefined> {
    const rows = await this.database.$queryRaw<EndpointFailures[]>`
      UPDATE "notifications"."webhook_endpoints"
         SET failing_since = COALESCE(failing_since, now()),
             consecutive_failures = consecutive_failures + ${deliveryFailed ? 1 : 0}::integer
       WHERE id = ${id}::uuid
      RETURNING consecutive_failures AS "consecutiveFailures", failing_since AS "failingSince"`;
    return rows[0];
  }

  /**
   * Disables an enabled endpoint and ends its pending deliveries as failed, in one transaction.
   * False when it was not enabled (another replica disabled it first, or it is gone).
   */
  async disable(id: string, reason: string): Promise<boolean> {
    return this.database.$transaction(async (transaction) => {
      const { count } = await transaction.webhookEndpoint.updateMany({
        where: { id, status: 'enabled' },
        data: { status: 'disabled', disabledAt: new Date(), disabledReason: reason },
      });
      if (count === 0) return false;
      await transaction.webhookDelivery.updateMany({
        where: { endpointId: id, status: 'pending' },
        data: { status: 'failed', lastError: `endpoint disabled: ${reason}`, nextAttemptAt: null },
      });
      return true;
    });
  }
}
