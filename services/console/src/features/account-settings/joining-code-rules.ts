/**
 * The rules the joining code form checks before sending, so the user sees them at once; the API
 * checks them again, and its answer is shown when it refuses anyway. Each problem is the key of
 * the text that explains it.
 */
import type { AccountRole, NewJoiningCode } from './joining-codes.api';

/** As the API bounds them. */
export const MAX_JOINING_CODE_USES = 100_000;
export const MAX_JOINING_CODE_VALID_DAYS = 365;
export const DEFAULT_JOINING_CODE_VALID_DAYS = 30;

/** A number field's value: empty while nothing is typed. */
export type NumberValue = number | string;

function wholeNumberIn(value: NumberValue, highest: number): boolean {
  const number = typeof value === 'number' ? value : Number(value.trim());
  return Number.isInteger(number) && number >= 1 && number <= highest;
}

const isEmpty = (value: NumberValue) => typeof value === 'string' && value.trim() === '';

/** Empty means as many people as like. */
export function maxUsesProblem(value: NumberValue): 'maxUsesInvalid' | undefined {
  return isEmpty(value) || wholeNumberIn(value, MAX_JOINING_CODE_USES)
    ? undefined
    : 'maxUsesInvalid';
}

export function validDaysProblem(value: NumberValue): 'validDaysInvalid' | undefined {
  return wholeNumberIn(value, MAX_JOINING_CODE_VALID_DAYS) ? undefined : 'validDaysInvalid';
}

export interface JoiningCodeValues {
  role: AccountRole;
  maxUses: NumberValue;
  validDays: NumberValue;
}

/** The request for checked values: no limit is sent when none was typed. */
export function joiningCodeBody(values: JoiningCodeValues): NewJoiningCode {
  return {
    role: values.role,
    ...(!isEmpty(values.maxUses) && { maxUses: Number(values.maxUses) }),
    validDays: Number(values.validDays),
  };
}
