import { AccountImportsModule } from './account-imports/account-imports.module';
import { AccountMembersModule } from './account-members/account-members.module';
import { AccountsModule } from './accounts/accounts.module';
import { ChargingCardsModule } from './charging-cards/charging-cards.module';
import { DriverImportsModule } from './driver-imports/driver-imports.module';
import { DriverInvitationsModule } from './driver-invitations/driver-invitations.module';
import { DriversModule } from './drivers/drivers.module';
import { GroupsModule } from './groups/groups.module';
import { InvitedAccountsModule } from './invited-accounts/invited-accounts.module';
import { UserDirectoryModule } from './user-directory/user-directory.module';

/** Every feature of the accounts service (shared by main and the integration tests). */
export const accountsFeatures = [
  AccountsModule,
  GroupsModule,
  ChargingCardsModule,
  DriversModule,
  UserDirectoryModule,
  AccountMembersModule,
  InvitedAccountsModule,
  DriverInvitationsModule,
  AccountImportsModule,
  DriverImportsModule,
];
