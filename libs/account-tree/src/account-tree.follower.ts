import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { accounts, isUuid } from '@onramp/contracts';
import { EventConsumers, RetryLater } from '@onramp/messaging';
import type { SqlClient } from '@onramp/persistence';
import { AccountTree } from './account-tree';

// A parent's creation not yet applied is usually a moment behind on the other consumer.
const UNKNOWN_PARENT_RETRY_MS = 5_000;

/**
 * Keeps the service's account tree from accounts' events. Creations and moves arrive on
 * separate consumers, so either may come first; the stored tree, where it knows the parent, wins
 * over the ancestors an older event carries.
 */
@Injectable()
export class AccountTreeFollower implements OnModuleInit {
  private readonly logger = new Logger(AccountTreeFollower.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly tree: AccountTree,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<accounts.AccountCreated, SqlClient>({
      name: 'account-lineages-created',
      schema: accounts.AccountCreatedSchema,
      handler: (event, transaction) => this.created([event], transaction),
      handleMany: (batch, transaction) =>
        this.created(
          batch.map(({ event }) => event),
          transaction,
        ),
    });
    // An import's creations, several to a message, taken as the same creations in their order.
    this.consumers.subscribe<accounts.AccountsImported, SqlClient>({
      name: 'account-lineages-imported',
      schema: accounts.AccountsImportedSchema,
      handler: (event, transaction) => this.created(event.accounts, transaction),
      handleMany: (batch, transaction) =>
        this.created(
          batch.flatMap(({ event }) => event.accounts),
          transaction,
        ),
    });
    this.consumers.subscribe<accounts.AccountMoved, SqlClient>({
      name: 'account-lineages-moved',
      schema: accounts.AccountMovedSchema,
      handler: (event, transaction) => this.moved(event, transaction),
    });
  }

  /** Creations in their order: a parent created earlier in the batch is known to its children. */
  private async created(events: accounts.AccountCreated[], transaction: SqlClient): Promise<void> {
    const valid = events.flatMap((event) => {
      const account = event.account;
      if (account === undefined || !isUuid(account.id) || !account.ancestorIds.every(isUuid)) {
        this.logger.error('an AccountCreated event names no valid account; it is ignored');
        return [];
      }
      return [
        {
          accountId: account.id.toLowerCase(),
          carried: account.ancestorIds.map((id) => id.toLowerCase()),
        },
      ];
    });
    // A parent may have moved since an event was written; its stored lineage is newer.
    const known = await this.tree.ancestorsOf(
      transaction,
      valid.flatMap(({ carried }) => carried.slice(-1)),
    );
    const created = valid.map(({ accountId, carried }) => {
      const parentId = carried.at(-1);
      const parentAncestors = parentId === undefined ? undefined : known.get(parentId);
      const ancestorIds =
        parentId === undefined || parentAncestors === undefined
          ? carried
          : [...parentAncestors, parentId];
      if (!known.has(accountId)) known.set(accountId, ancestorIds);
      return { accountId, ancestorIds };
    });
    await this.tree.recordCreated(transaction, created);
  }

  private async moved(event: accounts.AccountMoved, transaction: SqlClient): Promise<void> {
    const accountId = event.accountId.toLowerCase();
    const parentId = event.toParentId.toLowerCase();
    if (!isUuid(accountId) || (parentId !== '' && !isUuid(parentId))) {
      this.logger.error('an AccountMoved event names no valid accounts; it is ignored');
      return;
    }
    if (parentId === '') {
      await this.tree.recordMoved(transaction, accountId, []);
      return;
    }
    const parentAncestors = (await this.tree.ancestorsOf(transaction, [parentId])).get(parentId);
    if (parentAncestors === undefined) {
      throw new RetryLater(`the new parent ${parentId} is not known yet`, UNKNOWN_PARENT_RETRY_MS);
    }
    await this.tree.recordMoved(transaction, accountId, [...parentAncestors, parentId]);
  }
}
