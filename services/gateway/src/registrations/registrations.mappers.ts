import type { invitations } from '@onramp/contracts';
import { answered, isoOrNull, nonEmptyOrNull } from '../mappers/proto-values';
import type { RegistrationResponse, RegistrationSettingsResponse } from './registrations.schemas';

export function toRegistrationSettingsJson(
  settings: invitations.RegistrationSettings | undefined,
): RegistrationSettingsResponse {
  const present = answered('invitations', settings, 'registration settings');
  return {
    accountId: present.accountId,
    enabled: present.enabled,
    registrationCode: nonEmptyOrNull(present.registrationCode),
    updatedAt: isoOrNull(present.updatedAt),
  };
}

export function toRegistrationJson(registration: invitations.Registration): RegistrationResponse {
  return {
    id: registration.id,
    accountId: registration.accountId,
    userId: registration.userId,
    email: registration.email,
    name: registration.name,
    status: registration.status,
    createdAt: isoOrNull(registration.createdAt),
    decidedAt: isoOrNull(registration.decidedAt),
    decidedByUserId: nonEmptyOrNull(registration.decidedByUserId),
  };
}
