import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { isAllowed, type Caller } from '@onramp/authz';
import { accounts, isUuid } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import { cardMessage } from '../charging-cards/card-message';
import { nameKey } from '../common/names';
import type { DriverProfile } from '../generated/prisma/client';
import { costCenterMessage } from '../groups/group-messages';
import {
  checkedBatchSize,
  checkedBulkRequest,
  retriedOnceOnUniqueViolation,
} from '../imports/bulk-request';
import { ImportedRowsRepository } from '../imports/imported-rows.repository';
import type { RowResult } from '../imports/row-result';
import { DriverImportChunk } from './driver-import-chunk';
import { DriverImportsRepository } from './driver-imports.repository';

const pairKey = (accountId: string, userId: string) => `${accountId}/${userId}`;

/**
 * The import's driver profiles and the export's lookup of them. A profile may be imported for a
 * user accounts has not heard of yet (identity's ImportUsers made them an instant earlier, and its
 * events are still on their way): the caller's drivers.manage on the account is what authorises
 * the row. Such a user has a blank directory row until identity's UserCreated fills it in, and is
 * listed among the account's drivers once the membership has arrived too.
 */
@Injectable()
export class DriverImportsService {
  constructor(
    private readonly repository: DriverImportsRepository,
    private readonly importedRows: ImportedRowsRepository,
    private readonly outbox: Outbox,
  ) {}

  async import(caller: Caller, request: accounts.ImportDriversRequest): Promise<RowResult[]> {
    const importId = checkedBulkRequest(request.importId, request.rows);
    return retriedOnceOnUniqueViolation(() => this.importChunk(caller, importId, request));
  }

  private async importChunk(
    caller: Caller,
    importId: string,
    request: accounts.ImportDriversRequest,
  ): Promise<RowResult[]> {
    const recorded = await this.importedRows.recorded(
      importId,
      'drivers',
      request.rows.map((row) => row.line),
    );
    const fresh = request.rows.filter((row) => !recorded.has(row.line));
    const keys = fresh
      .map((row) => ({ accountId: row.accountId.toLowerCase(), userId: row.userId.toLowerCase() }))
      .filter((row) => isUuid(row.accountId) && isUuid(row.userId));
    const state = await this.repository.state(
      keys,
      // A dry run's new users have no id yet, but their accounts are checked all the same.
      [...new Set(fresh.map((row) => row.accountId.toLowerCase()).filter(isUuid))],
      fresh.map((row) => nameKey(row.costCenterName)).filter((name) => name !== ''),
      fresh.flatMap((row) => row.userGroupNames.map(nameKey)),
      fresh.flatMap((row) => row.chargingCardUids.map((uid) => uid.trim())),
    );
    const chunk = new DriverImportChunk(caller, request.onConflict, request.checkOnly, state);
    const answered = new Map(fresh.map((row) => [row.line, chunk.plan(row)]));
    if (!request.checkOnly && answered.size > 0) {
      await this.write(caller, importId, chunk, [...answered.values()]);
      this.outbox.nudge();
    }
    return request.rows.map((row) => recorded.get(row.line) ?? answered.get(row.line)!);
  }

  private async write(
    caller: Caller,
    importId: string,
    chunk: DriverImportChunk,
    results: RowResult[],
  ): Promise<void> {
    const writes = chunk.writes();
    const profiles = [...writes.createdProfiles, ...writes.updatedProfiles];
    const users = new Map(
      (await this.repository.directoryUsers(profiles.map((profile) => profile.userId))).map(
        (user) => [user.userId, user],
      ),
    );
    const now = new Date();
    await this.repository.transaction(async (transaction) => {
      await this.repository.ensureDirectoryUsers(
        transaction,
        [...new Set(profiles.map((profile) => profile.userId))].filter((id) => !users.has(id)),
      );
      await this.repository.createCostCenters(transaction, writes.costCenters);
      await this.repository.createCards(transaction, writes.createdCards);
      for (const card of writes.assignedCards) await this.repository.assignCard(transaction, card);
      await this.repository.createProfiles(transaction, writes.createdProfiles);
      const saved: DriverProfile[] = [...writes.createdProfiles];
      for (const profile of writes.updatedProfiles)
        saved.push(await this.repository.updateProfile(transaction, profile));
      const byUserId = caller.userId;
      const occurredAt = timestampFromDate(now);
      await this.outbox.appendMany(
        transaction,
        accounts.CostCenterChangedSchema,
        writes.costCenters.map((costCenter) => ({
          costCenter: costCenterMessage(costCenter),
          change: 'created',
          byUserId,
          occurredAt,
        })),
      );
      await this.outbox.appendMany(transaction, accounts.ChargingCardChangedSchema, [
        ...writes.createdCards.map((card) => ({
          chargingCard: cardMessage(card),
          change: 'created',
          byUserId,
          occurredAt,
        })),
        ...writes.assignedCards.map((card) => ({
          chargingCard: cardMessage(card),
          change: 'updated',
          byUserId,
          occurredAt,
        })),
      ]);
      await this.outbox.appendMany(
        transaction,
        accounts.DriverUpdatedSchema,
        saved.map((profile) => ({
          driver: this.driverMessage(profile, users, chunk),
          byUserId,
          occurredAt: timestampFromDate(profile.updatedAt),
        })),
      );
      await this.importedRows.record(transaction, importId, 'drivers', results);
    });
  }

  private driverMessage(
    profile: DriverProfile,
    users: Map<string, { email: string; name: string; status: string }>,
    chunk: DriverImportChunk,
  ): MessageInitShape<typeof accounts.DriverSchema> {
    const user = users.get(profile.userId);
    return {
      accountId: profile.accountId,
      userId: profile.userId,
      email: user?.email ?? '',
      name: user?.name ?? '',
      status: user?.status ?? 'invited',
      costCenterId: profile.costCenterId ?? '',
      info1: profile.info1,
      info2: profile.info2,
      vehicle: {
        make: profile.vehicleMake,
        model: profile.vehicleModel,
        licencePlate: profile.licencePlate,
      },
      userGroupIds: profile.userGroupIds,
      prioritised: profile.prioritised,
      chargingCardIds: chunk.cardIdsOf(profile.accountId, profile.userId),
    };
  }

  /**
   * The profiles of the keys the caller may read (drivers.read on the account) that are members
   * or have a profile, with names and uids as ImportDrivers takes them.
   */
  async lookup(
    caller: Caller,
    keys: accounts.DriverKey[],
  ): Promise<MessageInitShape<typeof accounts.ImportedDriverSchema>[]> {
    checkedBatchSize('keys', keys.length);
    const wanted = keys
      .map((row) => ({ accountId: row.accountId.toLowerCase(), userId: row.userId.toLowerCase() }))
      .filter((row) => isUuid(row.accountId) && isUuid(row.userId));
    const readable = new Set(
      (await this.repository.accountsWithIds(wanted.map((row) => row.accountId)))
        .filter((account) => isAllowed(caller, 'drivers.read', { accountIds: account.path }))
        .map((account) => account.id),
    );
    const visible = wanted.filter((row) => readable.has(row.accountId));
    const [members, found] = await Promise.all([
      this.repository.membersAmong(visible),
      this.repository.lookup(visible),
    ]);
    const profiles = new Map(
      found.profiles.map((profile) => [pairKey(profile.accountId, profile.userId), profile]),
    );
    const costCenters = new Map(found.costCenters.map((center) => [center.id, center.name]));
    const groups = new Map(found.userGroups.map((group) => [group.id, group.name]));
    return visible.flatMap(({ accountId, userId }) => {
      const profile = profiles.get(pairKey(accountId, userId));
      if (profile === undefined && !members.has(pairKey(accountId, userId))) return [];
      return [
        {
          line: 0,
          accountId,
          userId,
          costCenterName: costCenters.get(profile?.costCenterId ?? '') ?? '',
          info1: profile?.info1 ?? '',
          info2: profile?.info2 ?? '',
          vehicle: {
            make: profile?.vehicleMake ?? '',
            model: profile?.vehicleModel ?? '',
            licencePlate: profile?.licencePlate ?? '',
          },
          userGroupNames: (profile?.userGroupIds ?? []).flatMap((id) => groups.get(id) ?? []),
          chargingCardUids: found.cards
            .filter((card) => card.accountId === accountId && card.assignedUserId === userId)
            .map((card) => card.uid),
          prioritised: profile?.prioritised ?? false,
        },
      ];
    });
  }
}
