import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { accounts } from '@onramp/contracts';
import type { CostCenter, UserGroup } from '../generated/prisma/client';

export function costCenterMessage(
  costCenter: CostCenter,
): MessageInitShape<typeof accounts.CostCenterSchema> {
  return {
    id: costCenter.id,
    accountId: costCenter.accountId,
    name: costCenter.name,
    createdAt: timestampFromDate(costCenter.createdAt),
  };
}

export function userGroupMessage(
  group: UserGroup,
): MessageInitShape<typeof accounts.UserGroupSchema> {
  return {
    id: group.id,
    accountId: group.accountId,
    name: group.name,
    stationIds: group.stationIds,
    stationGroupIds: group.stationGroupIds,
    createdAt: timestampFromDate(group.createdAt),
  };
}
