import { accountsOperations } from '../accounts/accounts.operations';
import { apiKeysOperations } from '../api-keys/api-keys.operations';
import { authOperations } from '../auth/auth.operations';
import { chargingCardsOperations } from '../charging-cards/charging-cards.operations';
import { consoleSessionOperations } from '../console-session/console-session.operations';
import { costCentersOperations } from '../cost-centers/cost-centers.operations';
import { driversOperations } from '../drivers/drivers.operations';
import { emailSettingsOperations } from '../email-settings/email-settings.operations';
import { importsOperations } from '../imports/imports.operations';
import { invitationsOperations } from '../invitations/invitations.operations';
import { joiningCodesOperations } from '../joining-codes/joining-codes.operations';
import { meOperations } from '../me/me.operations';
import { membershipsOperations } from '../memberships/memberships.operations';
import { notificationsOperations } from '../notifications/notifications.operations';
import { registrationsOperations } from '../registrations/registrations.operations';
import { rolesOperations } from '../roles/roles.operations';
import { templatesOperations } from '../templates/templates.operations';
import { userGroupsOperations } from '../user-groups/user-groups.operations';
import { usersOperations } from '../users/users.operations';
import { webhooksOperations } from '../webhooks/webhooks.operations';
import type { Operation } from './operation';

/** Every public operation; a feature that serves routes adds its operations here. */
export const allOperations: readonly Operation[] = [
  authOperations,
  consoleSessionOperations,
  meOperations,
  usersOperations,
  membershipsOperations,
  apiKeysOperations,
  rolesOperations,
  accountsOperations,
  costCentersOperations,
  userGroupsOperations,
  chargingCardsOperations,
  driversOperations,
  notificationsOperations,
  emailSettingsOperations,
  templatesOperations,
  invitationsOperations,
  joiningCodesOperations,
  registrationsOperations,
  webhooksOperations,
  importsOperations,
].flatMap((operations) => Object.values<Operation>(operations));
