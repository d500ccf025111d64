import { Module } from '@nestjs/common';
import { AccountTree } from './account-tree';
import { AccountTreeFollower } from './account-tree.follower';

/**
 * The account tree as a service keeps it. Needs the global DATABASE and MessagingModule (with the
 * service's schema, which must hold an `account_lineages` table).
 */
@Module({
  providers: [AccountTree, AccountTreeFollower],
  exports: [AccountTree],
})
export class AccountTreeModule {}
