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
      handler: (event, transaction) => this.created(event, transaction),
    });
    this.consumers.subscribe<accounts.AccountMoved, SqlClient>({
      name: 'account-lineages-moved',
      schema: accounts.AccountMovedSchema,
      handler: (event, transaction) => this.moved(event, transaction),
    });
  }

  private async created(event: accounts.AccountCreated, transaction: SqlClient): Promise<void> {
    const account = event.account;
    if (account === undefined || !isUuid(account.id) || !account.ancestorIds.every(isUuid)) {
      this.logger.error('an AccountCreated event names no valid account; it is ignored');
      return;
    }
    const carried = account.ancestorIds.map((id) => id.toLowerCase());
    const parentId = carried.at(-1);
    // The parent may have moved since the event was written; its stored lineage is newer.
    const parentAncestors =
      parentId === undefined ? [] : await this.tree.ancestorsOf(transaction, parentId);
    const ancestors =
      parentId === undefined || parentAncestors === undefined
        ? carried
        : [...parentAncestors, parentId];
    await this.tree.recordCreated(transaction, account.id.toLowerCase(), ancestors);
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
    const parentAncestors = await this.tree.ancestorsOf(transaction, parentId);
    if (parentAncestors === undefined) {
      throw new RetryLater(`the new parent ${parentId} is not known yet`, UNKNOWN_PARENT_RETRY_MS);
    }
    await this.tree.recordMoved(transaction, accountId, [...parentAncestors, parentId]);
  }
}
