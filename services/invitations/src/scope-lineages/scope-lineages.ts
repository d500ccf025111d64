import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountTree } from '@onramp/account-tree';
import type { SqlClient } from '@onramp/persistence';

/**
 * Invitations, joining codes and registrations keep the lineage of their accounts, for scoping
 * with one index. When an account moves, every row below it takes its new lineage from the tree,
 * in the move's transaction: the old parent's admins stop seeing them, the new parent's start.
 * The same happens when the tree learns of an account's creation, so that a row written while the
 * tree did not know one of its accounts yet (the consumers replay independently) converges too.
 */
@Injectable()
export class ScopeLineages implements OnModuleInit {
  constructor(private readonly tree: AccountTree) {}

  onModuleInit(): void {
    this.tree.onLineageChanged((transaction, accountIds) =>
      this.relineage(transaction, accountIds),
    );
  }

  private async relineage(transaction: SqlClient, accountIds: readonly string[]): Promise<void> {
    // An invitation into several accounts holds the union of their lineages.
    await transaction.$executeRawUnsafe(
      `UPDATE invitations.invitations AS invitation
          SET account_lineage = ARRAY(
                SELECT DISTINCT member
                  FROM unnest(invitation.account_ids) AS target(id)
                  LEFT JOIN ${this.tree.table} AS tree ON tree.account_id = target.id
                 CROSS JOIN LATERAL unnest(coalesce(tree.ancestor_ids, '{}') || target.id) AS member)
        WHERE invitation.account_lineage && $1::uuid[]`,
      accountIds,
    );
    for (const table of ['joining_codes', 'registration_settings', 'registrations']) {
      await transaction.$executeRawUnsafe(
        `UPDATE invitations.${table} AS scoped
            SET account_lineage = tree.ancestor_ids || scoped.account_id
           FROM ${this.tree.table} AS tree
          WHERE tree.account_id = scoped.account_id AND scoped.account_lineage && $1::uuid[]`,
        accountIds,
      );
    }
  }
}
