import type { RegistrationChange } from './registration.api';

export interface RegistrationValues {
  enabled: boolean;
  newCode: boolean;
}

/**
 * The change to send: a new registration code is asked only while self-registration stays on,
 * since a disabled account has no code to replace.
 */
export function registrationChange(values: RegistrationValues): RegistrationChange {
  return values.enabled && values.newCode
    ? { enabled: true, rotateCode: true }
    : { enabled: values.enabled };
}
