import type { MessageInitShape } from '@bufbuild/protobuf';
import type { accounts } from '@onramp/contracts';
import type { DriverRow } from './drivers.repository';

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
