import { Injectable, Logger } from '@nestjs/common';
import { MAX_ACCOUNT_TEXT } from '@onramp/account-rules';
import type { Account } from '../generated/prisma/client';
import { MAX_DEPTH } from '../accounts/account-fields';
import { AccountsRepository, type Transaction } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import type { InvitedAccount } from './invited-account-fields';

// " (2)" … " (99)" are tried before the account's id makes the name unique.
const MAX_NUMBERED_SUFFIX = 99;

/**
 * Creates the account an accepted invitation asks for, with the id the invitation fixed, once.
 * What changed since the invitation was checked never makes the event fail (it would be retried
 * for ever): a name taken meanwhile gets a suffix, a parent that is gone or now too deep gives
 * way to the nearest place that still fits, each with a warning.
 */
@Injectable()
export class InvitedAccountsService {
  private readonly logger = new Logger(InvitedAccountsService.name);

  constructor(
    private readonly repository: AccountsRepository,
    private readonly accounts: AccountsService,
  ) {}

  async create(transaction: Transaction, invited: InvitedAccount): Promise<Account | undefined> {
    // Moves take the same lock: the parent's path cannot change until this account is written.
    await this.repository.lockTree(transaction);
    if ((await this.repository.findById(invited.id, transaction)) !== null) {
      this.logger.log(`account ${invited.id} of an accepted invitation exists already`);
      return undefined;
    }
    const parent = await this.placeUnder(transaction, invited);
    const name = await this.freeName(transaction, parent, invited);
    return this.accounts.insert(
      transaction,
      invited.id,
      parent,
      { ...invited.fields, name, relation: parent === null ? null : invited.fields.relation },
      invited.byUserId,
    );
  }

  /**
   * The invited parent; if it now sits at the deepest level, its ancestor at the level above the
   * deepest (the account stays in the same customer's tree); if it is gone, the top level.
   */
  private async placeUnder(
    transaction: Transaction,
    invited: InvitedAccount,
  ): Promise<Account | null> {
    const parent = await this.repository.findById(invited.parentId, transaction);
    if (parent === null) {
      this.logger.warn(
        `parent ${invited.parentId} of invited account ${invited.id} no longer exists; the account is created at the top level`,
      );
      return null;
    }
    if (parent.depth < MAX_DEPTH) return parent;
    const ancestorId = parent.path[MAX_DEPTH - 1];
    this.logger.warn(
      `parent ${parent.id} of invited account ${invited.id} is now at the deepest level; the account is created under its ancestor ${ancestorId} instead`,
    );
    return this.repository.findById(ancestorId, transaction);
  }

  /** The invited name, or it with the first suffix no sibling has ("Acme (2)"). */
  private async freeName(
    transaction: Transaction,
    parent: Account | null,
    invited: InvitedAccount,
  ): Promise<string> {
    const name = invited.fields.name;
    if (!(await this.accounts.nameTakenUnder(transaction, parent, name))) return name;
    for (let number = 2; number <= MAX_NUMBERED_SUFFIX; number++) {
      const candidate = suffixed(name, ` (${number})`);
      if (!(await this.accounts.nameTakenUnder(transaction, parent, candidate))) {
        this.logger.warn(
          `a sibling of invited account ${invited.id} took its name meanwhile; it is named "${candidate}"`,
        );
        return candidate;
      }
    }
    return suffixed(name, ` (${invited.id})`);
  }
}

/** `name` with `suffix`, shortened so that the whole stays within the longest name allowed. */
function suffixed(name: string, suffix: string): string {
  return `${name.slice(0, MAX_ACCOUNT_TEXT - suffix.length).trimEnd()}${suffix}`;
}
