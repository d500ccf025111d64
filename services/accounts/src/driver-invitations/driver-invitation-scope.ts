import type { Role } from '@onramp/authz';
import { isUuid, type invitations } from '@onramp/contracts';

const DRIVER: Role = 'driver';

/**
 * The accounts whose invited tab lists an invitation: those it makes the invitee a driver of.
 * An end_user driver gets a sub-account of their own on acceptance, which does not exist before:
 * until then they are listed under the customer's account the sub-account goes under (whose
 * admins invited them and see the sub-account afterwards). Every other invitation, and a joining
 * code (no invitation at all), lists nowhere.
 */
export function driverTabAccountsOf(invitation: invitations.Invitation): string[] {
  const spec = invitation.spec?.kind;
  let accountIds: string[] = [];
  switch (spec?.case) {
    case 'account':
    case 'endUser':
      if (spec.value.role === DRIVER) accountIds = [spec.value.accountId];
      break;
    case 'accountUser':
      if (spec.value.role === DRIVER) accountIds = spec.value.accountIds;
      break;
    case 'systemUser':
    case 'accountOwner':
    case 'subAccount':
    case 'admin':
    case undefined:
      break;
  }
  const normalised = [...new Set(accountIds.map((id) => id.toLowerCase()))];
  return normalised.every(isUuid) ? normalised : [];
}
