import { isUniqueViolation } from '@onramp/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  MAX_GROUP_NAME_LENGTH,
  MAX_STATION_ID_LENGTH,
  MAX_STATIONS_PER_GROUP,
  STATION_ID,
} from '@onramp/account-rules';
import type { Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { AccountAccess } from '../accounts/account-access';
import { nameKey } from '../common/names';
import { decodeCursor, page, pageLimit, searchText } from '@onramp/persistence';
import type { Account, CostCenter, Prisma, UserGroup } from '../generated/prisma/client';
import { costCenterMessage, userGroupMessage } from './group-messages';
import { GroupsRepository } from './groups.repository';

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_GROUP_NAME_LENGTH)
    throw new DomainError('validation_failed', 'the name is not valid', [
      { field: 'name', message: `must be 1 to ${MAX_GROUP_NAME_LENGTH} characters` },
    ]);
  return trimmed;
}

function checkedStations(field: string, ids: string[], violations: FieldViolation[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_STATIONS_PER_GROUP)
    violations.push({ field, message: `at most ${MAX_STATIONS_PER_GROUP} identifiers` });
  if (!unique.every((id) => STATION_ID.test(id)))
    violations.push({
      field,
      message: `identifiers are 1 to ${MAX_STATION_ID_LENGTH} printable characters`,
    });
  return unique;
}

const nameTaken = () =>
  new DomainError('conflict', 'this name is already used in the account', [
    { field: 'name', message: 'must be unique within the account' },
  ]);

/** Cost centers and user groups of an account. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly repository: GroupsRepository,
    private readonly access: AccountAccess,
    private readonly outbox: Outbox,
  ) {}

  /** Finds or adds a cost center by name (used by drivers: "choose existing or add new"). */
  async costCenterByName(
    transaction: Prisma.TransactionClient,
    caller: Caller,
    accountId: string,
    name: string,
  ): Promise<CostCenter> {
    const checked = checkedName(name);
    const existing = await this.repository.costCenterNamed(
      transaction,
      accountId,
      nameKey(checked),
    );
    if (existing !== null) return existing;
    const created = await this.repository.createCostCenter(transaction, {
      id: randomUUID(),
      accountId,
      name: checked,
      nameKey: nameKey(checked),
    });
    await this.costCenterChanged(transaction, caller, created, 'created');
    return created;
  }

  async createCostCenter(caller: Caller, accountId: string, name: string): Promise<CostCenter> {
    const account = await this.access.require(caller, accountId, 'cost_centers.manage');
    const checked = checkedName(name);
    return this.write(async (transaction) => {
      if (
        (await this.repository.costCenterNamed(transaction, account.id, nameKey(checked))) !== null
      )
        throw nameTaken();
      return this.costCenterByName(transaction, caller, account.id, checked);
    });
  }

  async listCostCenters(caller: Caller, request: accounts.ListCostCentersRequest) {
    const account = await this.access.require(caller, request.accountId, 'accounts.read', [
      'cost_centers.manage',
      'drivers.read',
    ]);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 1)[0];
    const rows = await this.repository.listCostCenters(
      account.id,
      { afterId: after, query: searchText(request.query) },
      limit + 1,
    );
    return page(rows, limit, (row) => [row.id]);
  }

  /**
   * The cost center as reached through its account: the caller's rights are checked on that
   * account, and a cost center of any other account is "not_found".
   */
  private async ownCostCenter(caller: Caller, accountId: string, id: string): Promise<CostCenter> {
    const account = await this.access.require(caller, accountId, 'cost_centers.manage');
    const costCenter = isUuid(id)
      ? await this.repository.costCenterOf(account.id, id.toLowerCase())
      : null;
    if (costCenter === null) throw new DomainError('not_found', 'no such cost center');
    return costCenter;
  }

  async updateCostCenter(
    caller: Caller,
    request: accounts.UpdateCostCenterRequest,
  ): Promise<CostCenter> {
    const costCenter = await this.ownCostCenter(caller, request.accountId, request.costCenterId);
    const checked = checkedName(request.name);
    return this.write(async (transaction) => {
      const updated = await this.repository.updateCostCenter(transaction, costCenter.id, {
        name: checked,
        nameKey: nameKey(checked),
      });
      await this.costCenterChanged(transaction, caller, updated, 'updated');
      return updated;
    });
  }

  async deleteCostCenter(caller: Caller, request: accounts.DeleteCostCenterRequest): Promise<void> {
    const costCenter = await this.ownCostCenter(caller, request.accountId, request.costCenterId);
    await this.write(async (transaction) => {
      const deleted = await this.repository.deleteCostCenter(transaction, costCenter.id);
      await this.costCenterChanged(transaction, caller, deleted, 'deleted');
    });
  }

  async createUserGroup(
    caller: Caller,
    request: accounts.CreateUserGroupRequest,
  ): Promise<UserGroup> {
    const account = await this.access.require(caller, request.accountId, 'user_groups.manage');
    const name = checkedName(request.name);
    const violations: FieldViolation[] = [];
    const stationIds = checkedStations('stationIds', request.stationIds, violations);
    const stationGroupIds = checkedStations('stationGroupIds', request.stationGroupIds, violations);
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user group is not valid', violations);
    return this.write(async (transaction) => {
      const created = await this.repository.createUserGroup(transaction, {
        id: randomUUID(),
        accountId: account.id,
        name,
        nameKey: nameKey(name),
        stationIds,
        stationGroupIds,
      });
      await this.userGroupChanged(transaction, caller, created, 'created');
      return created;
    });
  }

  async listUserGroups(caller: Caller, request: accounts.ListUserGroupsRequest) {
    const account = await this.access.require(caller, request.accountId, 'accounts.read', [
      'user_groups.manage',
      'drivers.read',
    ]);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 1)[0];
    const rows = await this.repository.listUserGroups(
      account.id,
      { afterId: after, query: searchText(request.query) },
      limit + 1,
    );
    return page(rows, limit, (row) => [row.id]);
  }

  /** Like ownCostCenter: reached through its account, checked on it, "not_found" elsewhere. */
  private async ownUserGroup(
    caller: Caller,
    accountId: string,
    id: string,
  ): Promise<{ account: Account; group: UserGroup }> {
    const account = await this.access.require(caller, accountId, 'user_groups.manage');
    const group = isUuid(id)
      ? await this.repository.userGroupOf(account.id, id.toLowerCase())
      : null;
    if (group === null) throw new DomainError('not_found', 'no such user group');
    return { account, group };
  }

  async updateUserGroup(
    caller: Caller,
    request: accounts.UpdateUserGroupRequest,
  ): Promise<UserGroup> {
    const { group } = await this.ownUserGroup(caller, request.accountId, request.userGroupId);
    const violations: FieldViolation[] = [];
    const data: Prisma.UserGroupUncheckedUpdateInput = {};
    if (request.name !== undefined) {
      data.name = checkedName(request.name);
      data.nameKey = nameKey(data.name);
    }
    if (request.stationIds !== undefined)
      data.stationIds = checkedStations('stationIds', request.stationIds.values, violations);
    if (request.stationGroupIds !== undefined)
      data.stationGroupIds = checkedStations(
        'stationGroupIds',
        request.stationGroupIds.values,
        violations,
      );
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user group is not valid', violations);
    return this.write(async (transaction) => {
      const updated = await this.repository.updateUserGroup(transaction, group.id, data);
      await this.userGroupChanged(transaction, caller, updated, 'updated');
      return updated;
    });
  }

  async deleteUserGroup(caller: Caller, request: accounts.DeleteUserGroupRequest): Promise<void> {
    const { account, group } = await this.ownUserGroup(
      caller,
      request.accountId,
      request.userGroupId,
    );
    if (account.licence === 'pro' && (await this.repository.driversOnlyIn(group)) > 0)
      throw new DomainError('validation_failed', 'drivers would be left without a user group', [
        { field: 'userGroupId', message: 'on a Pro licence every driver needs a user group' },
      ]);
    await this.write(async (transaction) => {
      await this.repository.deleteUserGroup(transaction, group);
      await this.userGroupChanged(transaction, caller, group, 'deleted');
    });
  }

  private async write<T>(work: (transaction: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    try {
      const result = await this.repository.transaction(work);
      this.outbox.nudge();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  private async costCenterChanged(
    transaction: Prisma.TransactionClient,
    caller: Caller,
    costCenter: CostCenter,
    change: string,
  ): Promise<void> {
    await this.outbox.append(transaction, accounts.CostCenterChangedSchema, {
      costCenter: costCenterMessage(costCenter),
      change,
      byUserId: caller.userId,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  private async userGroupChanged(
    transaction: Prisma.TransactionClient,
    caller: Caller,
    group: UserGroup,
    change: string,
  ): Promise<void> {
    await this.outbox.append(transaction, accounts.UserGroupChangedSchema, {
      userGroup: userGroupMessage(group),
      change,
      byUserId: caller.userId,
      occurredAt: timestampFromDate(new Date()),
    });
  }
}
