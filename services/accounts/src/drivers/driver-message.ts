import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { accounts } from '@onramp/contracts';
import type { InvitedDriverRow } from '../driver-invitations/driver-invitations.repository';
import type { DriverRow } from './drivers.repository';

/** A row of a tab: a user of the directory, or (on the invited tab) an open driver invitation. */
export type ListedDriver = DriverRow | InvitedDriverRow;

export function driverMessage(driver: DriverRow): MessageInitShape<typeof accounts.DriverSchema> {
  return {
    accountId: driver.accountId,
    userId: driver.userId,
    email: driver.user.email,
    name: driver.user.name,
    status: driver.user.status,
    costCenterId: driver.costCenterId ?? '',
    info1: driver.info1,
    info2: driver.info2,
    vehicle: {
      make: driver.vehicleMake,
      model: driver.vehicleModel,
      licencePlate: driver.licencePlate,
    },
    userGroupIds: driver.userGroupIds,
    prioritised: driver.prioritised,
    chargingCardIds: driver.chargingCardIds,
  };
}

/** A row of a tab; an invitation is someone without a user or profile yet, so "invited". */
export function listedDriverMessage(
  row: ListedDriver,
): MessageInitShape<typeof accounts.DriverSchema> {
  if (!('invitationId' in row)) return driverMessage(row);
  return {
    accountId: row.accountId,
    email: row.email,
    name: row.name,
    status: 'invited',
    vehicle: {},
    invitation: {
      id: row.invitationId,
      status: row.status,
      expiresAt: timestampFromDate(row.expiresAt),
    },
  };
}
