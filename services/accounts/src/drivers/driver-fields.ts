import {
  LICENCE_PLATE,
  MAX_DRIVER_INFO_LENGTH,
  MAX_LICENCE_PLATE_INPUT_LENGTH,
  MAX_VEHICLE_TEXT_LENGTH,
} from '@onramp/account-rules';
import type { FieldViolation } from '@onramp/errors';

/** A driver profile's own texts, as validated and stored. */
export interface DriverTexts {
  info1: string;
  info2: string;
  vehicleMake: string;
  vehicleModel: string;
  licencePlate: string;
}

/** Upper case without spaces or dashes: "ab-123-c" and "AB 123 C" are the same plate. */
export function normaliseLicencePlate(plate: string): string {
  return plate.replace(/[\s-]/g, '').toUpperCase();
}

/** The texts trimmed and the plate normalised, with whatever breaks the driver rules. */
export function checkedDriverTexts(input: {
  info1: string;
  info2: string;
  vehicle: { make: string; model: string; licencePlate: string };
}): { texts: DriverTexts; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const info1 = input.info1.trim();
  const info2 = input.info2.trim();
  if (info1.length > MAX_DRIVER_INFO_LENGTH)
    violations.push({ field: 'info1', message: `at most ${MAX_DRIVER_INFO_LENGTH} characters` });
  if (info2.length > MAX_DRIVER_INFO_LENGTH)
    violations.push({ field: 'info2', message: `at most ${MAX_DRIVER_INFO_LENGTH} characters` });
  const { vehicle } = input;
  const licencePlate = normaliseLicencePlate(vehicle.licencePlate);
  if (
    licencePlate !== '' &&
    (vehicle.licencePlate.length > MAX_LICENCE_PLATE_INPUT_LENGTH ||
      !LICENCE_PLATE.test(vehicle.licencePlate))
  )
    violations.push({ field: 'vehicle.licencePlate', message: 'letters and digits, at most 15' });
  if (
    vehicle.make.length > MAX_VEHICLE_TEXT_LENGTH ||
    vehicle.model.length > MAX_VEHICLE_TEXT_LENGTH
  )
    violations.push({
      field: 'vehicle',
      message: `make and model at most ${MAX_VEHICLE_TEXT_LENGTH} characters`,
    });
  return {
    texts: {
      info1,
      info2,
      vehicleMake: vehicle.make.trim(),
      vehicleModel: vehicle.model.trim(),
      licencePlate,
    },
    violations,
  };
}

/** On a Pro licence every driver needs a user group (`field` names the list). */
export function proLicenceViolation(
  licence: string,
  userGroupCount: number,
  field: string,
): FieldViolation | undefined {
  return licence === 'pro' && userGroupCount === 0
    ? { field, message: 'on a Pro licence every driver needs at least one user group' }
    : undefined;
}
