import { randomUUID } from 'node:crypto';
import { MAX_DRIVER_USER_GROUPS, MAX_GROUP_NAME_LENGTH } from '@onramp/account-rules';
import { isAllowed, type Caller } from '@onramp/authz';
import { common, isUuid, type accounts } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import { importedCardFields, isCardUid } from '../charging-cards/card-fields';
import { nameKey } from '../common/names';
import { checkedDriverTexts, proLicenceViolation } from '../drivers/driver-fields';
import type {
  Account,
  ChargingCard,
  CostCenter,
  DriverProfile,
  UserGroup,
} from '../generated/prisma/client';
import { failed, invalid, Outcome, type RowResult } from '../imports/row-result';

/** What the chunk reads once: the rows' accounts and what the rows name in them. */
export interface DriverChunkState {
  accounts: Account[];
  profiles: DriverProfile[];
  costCenters: CostCenter[];
  userGroups: UserGroup[];
  /** The cards the rows name by uid, and those already assigned to the rows' users. */
  cards: ChargingCard[];
}

/** What the chunk decided to write. */
export interface DriverChunkWrites {
  costCenters: CostCenter[];
  createdCards: ChargingCard[];
  /** Existing cards assigned to another user (or to one at all). */
  assignedCards: ChargingCard[];
  createdProfiles: DriverProfile[];
  updatedProfiles: DriverProfile[];
}

const key = (accountId: string, name: string) => `${accountId}/${name}`;

/**
 * Decides the outcome of each row of a drivers chunk, in order, against what the chunk read and
 * what its earlier rows write; nothing is written here.
 */
export class DriverImportChunk {
  private readonly accounts: Map<string, Account>;
  private readonly profiles = new Map<string, DriverProfile>();
  private readonly costCenters = new Map<string, CostCenter>();
  private readonly userGroups = new Map<string, UserGroup>();
  private readonly cards = new Map<string, ChargingCard>();
  private readonly newCostCenters = new Map<string, CostCenter>();
  private readonly createdCards = new Map<string, ChargingCard>();
  private readonly assignedCards = new Map<string, ChargingCard>();
  private readonly createdProfiles = new Map<string, DriverProfile>();
  private readonly updatedProfiles = new Map<string, DriverProfile>();

  constructor(
    private readonly caller: Caller,
    private readonly policy: common.ConflictPolicy,
    private readonly checkOnly: boolean,
    state: DriverChunkState,
  ) {
    this.accounts = new Map(state.accounts.map((account) => [account.id, account]));
    for (const profile of state.profiles)
      this.profiles.set(key(profile.accountId, profile.userId), profile);
    for (const center of state.costCenters)
      this.costCenters.set(key(center.accountId, center.nameKey), center);
    for (const group of state.userGroups)
      this.userGroups.set(key(group.accountId, group.nameKey), group);
    for (const card of state.cards) this.cards.set(card.uid, card);
  }

  writes(): DriverChunkWrites {
    return {
      costCenters: [...this.newCostCenters.values()],
      createdCards: [...this.createdCards.values()],
      assignedCards: [...this.assignedCards.values()],
      createdProfiles: [...this.createdProfiles.values()],
      updatedProfiles: [...this.updatedProfiles.values()],
    };
  }

  /** The cards assigned to the user in the account, as the chunk leaves them. */
  cardIdsOf(accountId: string, userId: string): string[] {
    return [...this.cards.values()]
      .filter((card) => card.accountId === accountId && card.assignedUserId === userId)
      .map((card) => card.id)
      .sort();
  }

  plan(row: accounts.ImportedDriver): RowResult {
    const { line } = row;
    const account = isUuid(row.accountId)
      ? this.accounts.get(row.accountId.toLowerCase())
      : undefined;
    if (account === undefined || !this.sees(account))
      return invalid(line, [{ field: 'accountId', message: 'no such account' }]);
    const violations: FieldViolation[] = [];
    const userId = row.userId.toLowerCase();
    if (!(isUuid(userId) || (this.checkOnly && userId === '')))
      violations.push({ field: 'userId', message: 'must be a UUID' });
    const { texts, violations: textViolations } = checkedDriverTexts({
      info1: row.info1,
      info2: row.info2,
      vehicle: row.vehicle ?? { make: '', model: '', licencePlate: '' },
    });
    violations.push(...textViolations);
    const costCenter = this.costCenterNamed(account, row.costCenterName, violations);
    const userGroupIds = this.userGroupIdsNamed(account, row.userGroupNames, violations);
    const cards = this.cardsWithUids(account, row.chargingCardUids, violations);
    if (violations.length > 0) return invalid(line, violations);

    const target = { accountIds: account.path };
    if (!isAllowed(this.caller, 'drivers.manage', target))
      return failed(line, [
        { field: 'accountId', message: 'you need drivers.manage on this account' },
      ]);
    const cardChanges = cards.filter((card) => userId === '' || card.assignedUserId !== userId);
    if (cardChanges.length > 0 && !isAllowed(this.caller, 'charging_cards.manage', target))
      return failed(line, [
        {
          field: 'chargingCardUids',
          message: 'you need charging_cards.manage on this account',
        },
      ]);

    const existing = this.profiles.get(key(account.id, userId));
    const profile: DriverProfile = {
      accountId: account.id,
      userId,
      costCenterId: costCenter?.id ?? null,
      ...texts,
      userGroupIds,
      prioritised: row.prioritised,
      createdAt: existing?.createdAt ?? new Date(),
      updatedAt: new Date(),
    };
    if (existing !== undefined) {
      if (this.policy === common.ConflictPolicy.FAIL)
        return failed(line, [
          { field: 'userId', message: 'the user has a driver profile in this account already' },
        ]);
      const differs = cardChanges.length > 0 || !sameProfile(existing, profile);
      if (this.policy !== common.ConflictPolicy.UPDATE || !differs)
        return { line, outcome: Outcome.SKIPPED, id: userId, violations: [] };
    }
    // A check_only row of a user still to be made has nothing a later row could match.
    if (userId !== '') this.keep(profile, costCenter, cardChanges, existing === undefined);
    return {
      line,
      outcome: existing === undefined ? Outcome.CREATED : Outcome.UPDATED,
      id: userId,
      violations: [],
    };
  }

  /** Records a row's writes so that later rows of the chunk see them. */
  private keep(
    profile: DriverProfile,
    costCenter: CostCenter | undefined,
    cards: ChargingCard[],
    isNew: boolean,
  ): void {
    const profileKey = key(profile.accountId, profile.userId);
    if (
      costCenter !== undefined &&
      !this.costCenters.has(key(costCenter.accountId, costCenter.nameKey))
    ) {
      this.costCenters.set(key(costCenter.accountId, costCenter.nameKey), costCenter);
      this.newCostCenters.set(costCenter.id, costCenter);
    }
    for (const card of cards) {
      const isNew = !this.cards.has(card.uid) || this.createdCards.has(card.id);
      const assigned = { ...card, assignedUserId: profile.userId, lastUpdated: new Date() };
      this.cards.set(card.uid, assigned);
      (isNew ? this.createdCards : this.assignedCards).set(card.id, assigned);
    }
    this.profiles.set(profileKey, profile);
    if (isNew || this.createdProfiles.has(profileKey))
      this.createdProfiles.set(profileKey, profile);
    else this.updatedProfiles.set(profileKey, profile);
  }

  /** The named cost center of the account; a new one (not yet kept) when none has the name. */
  private costCenterNamed(
    account: Account,
    name: string,
    violations: FieldViolation[],
  ): CostCenter | undefined {
    const trimmed = name.trim();
    if (trimmed === '') return undefined;
    if (trimmed.length > MAX_GROUP_NAME_LENGTH) {
      violations.push({
        field: 'costCenterName',
        message: `must be 1 to ${MAX_GROUP_NAME_LENGTH} characters`,
      });
      return undefined;
    }
    return (
      this.costCenters.get(key(account.id, nameKey(trimmed))) ?? {
        id: randomUUID(),
        accountId: account.id,
        name: trimmed,
        nameKey: nameKey(trimmed),
        createdAt: new Date(),
      }
    );
  }

  private userGroupIdsNamed(
    account: Account,
    names: string[],
    violations: FieldViolation[],
  ): string[] {
    const ids = new Set<string>();
    for (const name of names) {
      const group = this.userGroups.get(key(account.id, nameKey(name)));
      if (group === undefined)
        violations.push({
          field: 'userGroupNames',
          message: `no user group "${name.trim().slice(0, 100)}" in this account`,
        });
      else ids.add(group.id);
    }
    if (ids.size > MAX_DRIVER_USER_GROUPS)
      violations.push({ field: 'userGroupNames', message: `at most ${MAX_DRIVER_USER_GROUPS}` });
    const proViolation = proLicenceViolation(account.licence, ids.size, 'userGroupNames');
    if (proViolation !== undefined) violations.push(proViolation);
    return [...ids].sort();
  }

  /** The account's cards with these uids; a uid no card has yet becomes a new card. */
  private cardsWithUids(
    account: Account,
    uids: string[],
    violations: FieldViolation[],
  ): ChargingCard[] {
    const cards: ChargingCard[] = [];
    for (const uid of new Set(uids.map((text) => text.trim()))) {
      const card = this.cards.get(uid);
      if (!isCardUid(uid))
        violations.push({
          field: 'chargingCardUids',
          message: `"${uid.slice(0, 40)}" is not a card uid`,
        });
      else if (card !== undefined && card.accountId !== account.id)
        violations.push({
          field: 'chargingCardUids',
          message: `"${uid}" is another account's card`,
        });
      else
        cards.push(
          card ?? {
            ...importedCardFields(account.name),
            id: randomUUID(),
            accountId: account.id,
            uid,
            valid: true,
            assignedUserId: null,
            lastUpdated: new Date(),
            createdAt: new Date(),
          },
        );
    }
    return cards;
  }

  private sees(account: Account): boolean {
    const target = { accountIds: account.path };
    return (['accounts.read', 'drivers.read', 'drivers.manage'] as const).some((permission) =>
      isAllowed(this.caller, permission, target),
    );
  }
}

function sameProfile(a: DriverProfile, b: DriverProfile): boolean {
  return (
    a.costCenterId === b.costCenterId &&
    a.info1 === b.info1 &&
    a.info2 === b.info2 &&
    a.vehicleMake === b.vehicleMake &&
    a.vehicleModel === b.vehicleModel &&
    a.licencePlate === b.licencePlate &&
    [...a.userGroupIds].sort().join() === [...b.userGroupIds].sort().join() &&
    a.prioritised === b.prioritised
  );
}
