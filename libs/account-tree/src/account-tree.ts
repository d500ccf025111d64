import { Inject, Injectable } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@onramp/messaging';
import { DATABASE, quoteIdentifier, type Database, type SqlClient } from '@onramp/persistence';

/** An account's lineage: its ancestors (top-level first) and itself last. */
export type LineageOf = (accountId: string) => readonly string[];

/**
 * Runs when the tree has learnt where accounts sit (their creation or a move), in the same
 * transaction, with the accounts whose subtrees may now have other lineages.
 */
export type LineageListener = (
  transaction: SqlClient,
  accountIds: readonly string[],
) => Promise<void>;

/** Where a new account sits: its ancestors, top-level first. */
export interface CreatedAccount {
  accountId: string;
  ancestorIds: readonly string[];
}

/**
 * A service's copy of the account tree, kept from accounts' events in the service's own schema
 * (`account_lineages`: one row per account with its ancestors). Accounts the service has not
 * seen created have no row and count as top-level: their lineage is themselves.
 */
@Injectable()
export class AccountTree {
  /** The table, schema-qualified, for services that join it in their own queries. */
  readonly table: string;
  private readonly listeners: LineageListener[] = [];

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    if (options.databaseSchema === undefined) {
      throw new Error('the account tree is kept in the service schema: name it in MessagingModule');
    }
    this.table = `${quoteIdentifier(options.databaseSchema)}."account_lineages"`;
  }

  /** The lineages of these accounts, loaded at once for the checks that follow. */
  async lineagesOf(accountIds: readonly string[]): Promise<LineageOf> {
    const rows =
      accountIds.length === 0
        ? []
        : await this.database.$queryRawUnsafe<{ account_id: string; ancestor_ids: string[] }[]>(
            `SELECT account_id::text, ancestor_ids::text[] FROM ${this.table}
              WHERE account_id = ANY($1::uuid[])`,
            [...new Set(accountIds)],
          );
    const ancestors = new Map(rows.map((row) => [row.account_id, row.ancestor_ids]));
    return (accountId) => [...(ancestors.get(accountId) ?? []), accountId];
  }

  /** Every account below any of these (not the accounts themselves). */
  async descendantsOf(accountIds: readonly string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.database.$queryRawUnsafe<{ account_id: string }[]>(
      `SELECT account_id::text FROM ${this.table} WHERE ancestor_ids && $1::uuid[]`,
      [...accountIds],
    );
    return rows.map((row) => row.account_id);
  }

  /** These accounts and every account below them: everywhere a grant on them reaches. */
  async subtreesOf(accountIds: readonly string[]): Promise<string[]> {
    return [...accountIds, ...(await this.descendantsOf(accountIds))];
  }

  /** Registers work that must follow the tree, such as rewriting lineages kept elsewhere. */
  onLineageChanged(listener: LineageListener): void {
    this.listeners.push(listener);
  }

  /** The stored ancestors of these accounts, by id; an account the tree does not know is absent. */
  async ancestorsOf(
    transaction: SqlClient,
    accountIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    if (accountIds.length === 0) return new Map();
    const rows = await transaction.$queryRawUnsafe<
      { account_id: string; ancestor_ids: string[] }[]
    >(
      `SELECT account_id::text, ancestor_ids::text[] FROM ${this.table}
        WHERE account_id = ANY($1::uuid[])`,
      [...new Set(accountIds)],
    );
    return new Map(rows.map((row) => [row.account_id, row.ancestor_ids]));
  }

  /**
   * Records new accounts in one statement; one already known (moved before its creation arrived)
   * is kept. Either way the listeners hear of them: what they keep about the accounts may have
   * been written before.
   */
  async recordCreated(transaction: SqlClient, created: readonly CreatedAccount[]): Promise<void> {
    if (created.length === 0) return;
    await transaction.$executeRawUnsafe(
      `INSERT INTO ${this.table} (account_id, ancestor_ids)
       SELECT (row->>'accountId')::uuid,
              ARRAY(SELECT jsonb_array_elements_text(row->'ancestorIds'))::uuid[]
         FROM jsonb_array_elements($1::jsonb) AS row
       ON CONFLICT (account_id) DO NOTHING`,
      JSON.stringify(created),
    );
    await this.notify(
      transaction,
      created.map((account) => account.accountId),
    );
  }

  /**
   * Gives the account new ancestors and rewrites the lineage of its whole subtree (in every
   * descendant, what came before the account is replaced by the new ancestors), then lets the
   * listeners follow.
   */
  async recordMoved(
    transaction: SqlClient,
    accountId: string,
    ancestorIds: readonly string[],
  ): Promise<void> {
    await transaction.$executeRawUnsafe(
      `INSERT INTO ${this.table} (account_id, ancestor_ids) VALUES ($1::uuid, $2::uuid[])
       ON CONFLICT (account_id) DO UPDATE SET ancestor_ids = excluded.ancestor_ids`,
      accountId,
      [...ancestorIds],
    );
    await transaction.$executeRawUnsafe(
      `UPDATE ${this.table}
          SET ancestor_ids = $2::uuid[] || $1::uuid
                             || ancestor_ids[array_position(ancestor_ids, $1::uuid) + 1:]
        WHERE ancestor_ids @> ARRAY[$1::uuid]`,
      accountId,
      [...ancestorIds],
    );
    await this.notify(transaction, [accountId]);
  }

  private async notify(transaction: SqlClient, accountIds: readonly string[]): Promise<void> {
    for (const listener of this.listeners) await listener(transaction, accountIds);
  }
}
