import { describe, expect, it } from 'vitest';
import {
  cardLabel,
  driverChanges,
  driverFormValues,
  freeCards,
  isDriversTab,
  licencePlateProblem,
  NEW_COST_CENTER,
  newCostCenterProblem,
  soleDriverAccount,
  userGroupsProblem,
} from './driver-rules';
import type { Driver } from './drivers.api';

const driver: Driver = {
  accountId: 'account-1',
  userId: 'user-1',
  email: 'dana@depot.test',
  name: 'Dana Driver',
  status: 'active',
  costCenterId: 'cost-center-1',
  info1: 'E-1024',
  info2: null,
  vehicle: { make: 'Kia', model: null, licencePlate: 'AB123C' },
  userGroupIds: ['group-1'],
  prioritised: true,
  chargingCardIds: [],
  invitation: null,
};

const grant = (accountIds: string[], permissions: string[], platform = false) => ({
  platform,
  accountIds,
  roles: [],
  permissions,
});

describe('the drivers screen rules', () => {
  it('know the three tabs of the address and nothing else', () => {
    expect(['active', 'invited', 'to_be_approved'].every(isDriversTab)).toBe(true);
    expect(isDriversTab('deactivated')).toBe(false);
    expect(isDriversTab(undefined)).toBe(false);
  });

  it('preselect the account of an admin who may read the drivers of one account only', () => {
    expect(soleDriverAccount([grant(['a'], ['drivers.read', 'drivers.manage'])])).toBe('a');
    // A driver's own membership elsewhere reads no drivers, so it does not count.
    expect(
      soleDriverAccount([grant(['a'], ['drivers.read']), grant(['b'], ['sessions.read_own'])]),
    ).toBe('a');
    expect(
      soleDriverAccount([grant(['a'], ['drivers.read']), grant(['a'], ['drivers.read'])]),
    ).toBe('a');
  });

  it('preselect nothing for an admin of several accounts, or for operator staff', () => {
    expect(soleDriverAccount([grant(['a', 'b'], ['drivers.read'])])).toBeUndefined();
    expect(soleDriverAccount([grant([], ['drivers.read'], true)])).toBeUndefined();
    expect(
      soleDriverAccount([grant([], ['drivers.read'], true), grant(['a'], ['drivers.read'])]),
    ).toBeUndefined();
    expect(soleDriverAccount([])).toBeUndefined();
  });

  it('send back the profile as stored when nothing was changed', () => {
    expect(driverChanges(driverFormValues(driver))).toEqual({
      costCenterId: 'cost-center-1',
      info1: 'E-1024',
      info2: null,
      vehicle: { make: 'Kia', model: undefined, licencePlate: 'AB123C' },
      userGroupIds: ['group-1'],
      prioritised: true,
    });
  });

  it('clear what was emptied, trimmed: info fields become null, vehicle parts are left out', () => {
    const values = {
      ...driverFormValues(driver),
      costCenter: null,
      info1: '   ',
      info2: '  Fleet 7 ',
      make: '',
      licencePlate: ' ',
    };
    expect(driverChanges(values)).toEqual({
      costCenterId: null,
      info1: null,
      info2: 'Fleet 7',
      vehicle: { make: undefined, model: undefined, licencePlate: undefined },
      userGroupIds: ['group-1'],
      prioritised: true,
    });
  });

  it('add a new cost center by its name instead of choosing one', () => {
    const values = {
      ...driverFormValues(driver),
      costCenter: NEW_COST_CENTER,
      newCostCenterName: '  Sales North ',
    };
    const changes = driverChanges(values);
    expect(changes.newCostCenterName).toBe('Sales North');
    expect(changes).not.toHaveProperty('costCenterId');
  });

  it('need a name for a new cost center, and only for a new one', () => {
    expect(newCostCenterProblem(NEW_COST_CENTER, '  ')).toBe('newCostCenterRequired');
    expect(newCostCenterProblem(NEW_COST_CENTER, 'Sales')).toBeUndefined();
    expect(newCostCenterProblem('cost-center-1', '')).toBeUndefined();
    expect(newCostCenterProblem(null, '')).toBeUndefined();
  });

  it.each(['', '  ', 'AB-123-C', 'ab 12 cd', ' 1-ABC-23 ', 'A'.repeat(15)])(
    'take %j as a licence plate',
    (plate) => {
      expect(licencePlateProblem(plate)).toBeUndefined();
    },
  );

  it.each(['AB_123', 'A'.repeat(16), 'ÄB-12', '--', `AB${' '.repeat(18)}C`])(
    'refuse %j as a licence plate',
    (plate) => {
      expect(licencePlateProblem(plate)).toBe('licencePlateFormat');
    },
  );

  it('need a user group on a Pro licence only', () => {
    expect(userGroupsProblem('pro', [])).toBe('userGroupRequired');
    expect(userGroupsProblem('pro', ['group-1'])).toBeUndefined();
    expect(userGroupsProblem('compact', [])).toBeUndefined();
  });

  it('name a card by its printed number and UID, or its UID alone', () => {
    expect(cardLabel({ uid: 'RFID0001', visualNumber: 'NL-TNM-001' })).toBe(
      'NL-TNM-001 (RFID0001)',
    );
    expect(cardLabel({ uid: 'RFID0002', visualNumber: null })).toBe('RFID0002');
  });

  it('offer only valid cards that nobody has', () => {
    const cards = [
      { id: 'free', valid: true, assignedUserId: null },
      { id: 'taken', valid: true, assignedUserId: 'user-2' },
      { id: 'invalidated', valid: false, assignedUserId: null },
    ];
    expect(freeCards(cards).map((card) => card.id)).toEqual(['free']);
  });
});
