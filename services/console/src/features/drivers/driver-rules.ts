/**
 * The rules of the drivers screen as pure functions: which tab and account the address asks
 * for, and what the driver form checks before saving so the user sees it at once (the API
 * checks again, and its answer is shown when it refuses anyway).
 */
import type { Me } from '../../session/access';
import type { ChargingCard, Driver, DriverChanges } from './drivers.api';

export const driverTabs = ['active', 'invited', 'to_be_approved'] as const;
export type DriversTab = (typeof driverTabs)[number];

export function isDriversTab(value: string | undefined): value is DriversTab {
  return (driverTabs as readonly (string | undefined)[]).includes(value);
}

/**
 * The one account whose drivers the user may read, for an account admin with a single account;
 * undefined when they have several, or are operator staff (who may read every account's).
 */
export function soleDriverAccount(grants: Me['grants']): string | undefined {
  if (grants.some((grant) => grant.platform)) return undefined;
  const accounts = new Set(
    grants
      .filter((grant) => grant.permissions.includes('drivers.read'))
      .flatMap((grant) => grant.accountIds),
  );
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

/** The cost center choice that asks for a new one, named in its own field. */
export const NEW_COST_CENTER = 'new';

export interface DriverFormValues {
  /** An existing cost center's id, NEW_COST_CENTER, or null for none. */
  costCenter: string | null;
  newCostCenterName: string;
  info1: string;
  info2: string;
  make: string;
  model: string;
  licencePlate: string;
  userGroupIds: string[];
  prioritised: boolean;
}

export function driverFormValues(driver: Driver): DriverFormValues {
  return {
    costCenter: driver.costCenterId,
    newCostCenterName: '',
    info1: driver.info1 ?? '',
    info2: driver.info2 ?? '',
    make: driver.vehicle?.make ?? '',
    model: driver.vehicle?.model ?? '',
    licencePlate: driver.vehicle?.licencePlate ?? '',
    userGroupIds: driver.userGroupIds,
    prioritised: driver.prioritised,
  };
}

const orNull = (text: string) => text.trim() || null;
const orAbsent = (text: string) => text.trim() || undefined;

/** The whole profile as the form holds it: a field left empty clears what was stored. */
export function driverChanges(values: DriverFormValues): DriverChanges {
  const costCenter =
    values.costCenter === NEW_COST_CENTER
      ? { newCostCenterName: values.newCostCenterName.trim() }
      : { costCenterId: values.costCenter };
  return {
    ...costCenter,
    info1: orNull(values.info1),
    info2: orNull(values.info2),
    // The vehicle is replaced as a whole; a part left out is cleared.
    vehicle: {
      make: orAbsent(values.make),
      model: orAbsent(values.model),
      licencePlate: orAbsent(values.licencePlate),
    },
    userGroupIds: values.userGroupIds,
    prioritised: values.prioritised,
  };
}

export function newCostCenterProblem(
  costCenter: string | null,
  name: string,
): 'newCostCenterRequired' | undefined {
  return costCenter === NEW_COST_CENTER && name.trim() === '' ? 'newCostCenterRequired' : undefined;
}

/** As the API takes plates: 1 to 15 letters and digits, with spaces or dashes between them. */
const LICENCE_PLATE = /^[\s-]*(?:[A-Za-z0-9][\s-]*){1,15}$/;
const MAX_LICENCE_PLATE_INPUT = 20;

export function licencePlateProblem(plate: string): 'licencePlateFormat' | undefined {
  const typed = plate.trim();
  if (typed === '') return undefined;
  return typed.length <= MAX_LICENCE_PLATE_INPUT && LICENCE_PLATE.test(typed)
    ? undefined
    : 'licencePlateFormat';
}

/** On a Pro licence every driver needs a user group: it says where they may charge. */
export function userGroupsProblem(
  licence: string,
  userGroupIds: readonly string[],
): 'userGroupRequired' | undefined {
  return licence === 'pro' && userGroupIds.length === 0 ? 'userGroupRequired' : undefined;
}

/** A card as people know it: the number printed on it, with its UID to tell cards apart. */
export function cardLabel(card: Pick<ChargingCard, 'uid' | 'visualNumber'>): string {
  return card.visualNumber === null ? card.uid : `${card.visualNumber} (${card.uid})`;
}

/** The cards that may be given to a driver: valid, and nobody's yet. */
export function freeCards<Card extends Pick<ChargingCard, 'valid' | 'assignedUserId'>>(
  cards: readonly Card[],
): Card[] {
  return cards.filter((card) => card.valid && card.assignedUserId === null);
}
