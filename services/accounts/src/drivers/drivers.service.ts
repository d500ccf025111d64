import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { MAX_DRIVER_USER_GROUPS } from '@onramp/account-rules';
import type { Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { AccountAccess } from '../accounts/account-access';
import { DriverInvitationsRepository } from '../driver-invitations/driver-invitations.repository';
import { decodeCursor, page, pageLimit } from '@onramp/persistence';
import { GroupsService } from '../groups/groups.service';
import { checkedDriverTexts, proLicenceViolation } from './driver-fields';
import { driverMessage, type ListedDriver } from './driver-message';
import { DriversRepository, type DriverRow } from './drivers.repository';

/** The tabs of the drivers list and the user status each lists. */
const TABS: Record<string, string> = {
  active: 'active',
  invited: 'invited',
  to_be_approved: 'pending_approval',
};

/** A tab's sort key and cursor: the user's id, or the invitation's. */
function listingKey(row: ListedDriver): string {
  return 'invitationId' in row ? row.invitationId : row.userId;
}

/** Driver profiles: a user's cost center, info fields, vehicle, user groups and priority. */
@Injectable()
export class DriversService {
  constructor(
    private readonly repository: DriversRepository,
    private readonly invitations: DriverInvitationsRepository,
    private readonly access: AccountAccess,
    private readonly groups: GroupsService,
    private readonly outbox: Outbox,
  ) {}

  async get(caller: Caller, accountId: string, userId: string): Promise<DriverRow> {
    const account = await this.access.require(caller, accountId, 'drivers.read');
    // A profile is neither made nor shown for anyone but a driver of the account (the directory
    // holds every customer's users).
    const driver = (await this.repository.isDriver(account.id, userId.toLowerCase()))
      ? await this.repository.find(account.id, userId.toLowerCase())
      : null;
    if (driver === null) throw new DomainError('not_found', 'no such driver');
    return driver;
  }

  async list(caller: Caller, request: accounts.ListDriversRequest) {
    const account = await this.access.require(caller, request.accountId, 'drivers.read');
    const status = TABS[request.tab === '' ? 'active' : request.tab];
    if (status === undefined)
      throw new DomainError('validation_failed', 'no such tab', [
        { field: 'tab', message: 'must be "active", "invited" or "to_be_approved"' },
      ]);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 1)[0];
    if (after !== undefined && !isUuid(after))
      throw new DomainError('validation_failed', 'the cursor is not valid', [
        { field: 'cursor', message: 'use the nextCursor of a previous page' },
      ]);
    // Part of the name or email; an empty one matches everyone.
    const query = request.query?.trim() || undefined;
    const users = await this.repository.list(
      account.id,
      status,
      { afterUserId: after, query },
      limit + 1,
    );
    // The invited tab also lists those invited by email: both sources are in id order (user
    // ids and invitation ids are UUIDs, never equal), so merging their pages is the next page.
    const invited =
      status === TABS.invited
        ? await this.invitations.list(account.id, { afterId: after, query }, limit + 1)
        : [];
    const rows = [...users, ...invited]
      .sort((a, b) => (listingKey(a) < listingKey(b) ? -1 : 1))
      .slice(0, limit + 1);
    return page<ListedDriver>(rows, limit, (row) => [listingKey(row)]);
  }

  async update(caller: Caller, request: accounts.UpdateDriverRequest): Promise<DriverRow> {
    const account = await this.access.require(caller, request.accountId, 'drivers.manage');
    const userId = request.userId.toLowerCase();
    if (!(await this.repository.isDriver(account.id, userId)))
      throw new DomainError('not_found', 'no such user in this account');
    const existing = await this.repository.find(account.id, userId);
    const violations: FieldViolation[] = [];
    if (request.costCenterId !== undefined && request.newCostCenterName !== undefined)
      violations.push({
        field: 'newCostCenterName',
        message: 'choose an existing cost center or add a new one, not both',
      });
    let costCenterId = existing?.costCenterId ?? null;
    if (request.costCenterId !== undefined) {
      if (request.costCenterId === '') costCenterId = null;
      else if (
        !isUuid(request.costCenterId) ||
        (await this.repository.costCenterOf(account.id, request.costCenterId.toLowerCase())) ===
          null
      )
        violations.push({ field: 'costCenterId', message: 'not a cost center of this account' });
      else costCenterId = request.costCenterId.toLowerCase();
    }
    const { texts, violations: textViolations } = checkedDriverTexts({
      info1: request.info1 ?? existing?.info1 ?? '',
      info2: request.info2 ?? existing?.info2 ?? '',
      vehicle: request.vehicle ?? {
        make: existing?.vehicleMake ?? '',
        model: existing?.vehicleModel ?? '',
        licencePlate: existing?.licencePlate ?? '',
      },
    });
    violations.push(...textViolations);
    const userGroupIds = request.userGroupIds
      ? [...new Set(request.userGroupIds.values.map((id) => id.toLowerCase()))]
      : (existing?.userGroupIds ?? []);
    if (request.userGroupIds !== undefined) {
      if (
        userGroupIds.length > MAX_DRIVER_USER_GROUPS ||
        !userGroupIds.every(isUuid) ||
        (await this.repository.countUserGroups(account.id, userGroupIds)) !== userGroupIds.length
      )
        violations.push({
          field: 'userGroupIds',
          message: 'not all are user groups of this account',
        });
    }
    const proViolation = proLicenceViolation(account.licence, userGroupIds.length, 'userGroupIds');
    if (proViolation !== undefined) violations.push(proViolation);
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the driver is not valid', violations);

    const driver = await this.repository.transaction(async (transaction) => {
      if (request.newCostCenterName !== undefined)
        costCenterId = (
          await this.groups.costCenterByName(
            transaction,
            caller,
            account.id,
            request.newCostCenterName,
          )
        ).id;
      const saved = await this.repository.upsert(transaction, account.id, userId, {
        costCenterId,
        ...texts,
        userGroupIds,
        prioritised: request.prioritised ?? existing?.prioritised ?? false,
      });
      await this.outbox.append(transaction, accounts.DriverUpdatedSchema, {
        driver: driverMessage(saved),
        byUserId: caller.userId,
        occurredAt: timestampFromDate(saved.updatedAt),
      });
      return saved;
    });
    this.outbox.nudge();
    return driver;
  }
}
