import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { invitations } from '@onramp/contracts';
import { displayCode } from '../common/secrets';
import type { Registration, RegistrationSettings } from '../generated/prisma/client';

export function registrationMessage(row: Registration): invitations.Registration {
  return create(invitations.RegistrationSchema, {
    id: row.id,
    accountId: row.accountId,
    userId: row.userId ?? '',
    email: row.email,
    name: row.name,
    status: row.status,
    createdAt: timestampFromDate(row.createdAt),
    decidedAt: row.decidedAt === null ? undefined : timestampFromDate(row.decidedAt),
    decidedByUserId: row.decidedByUserId ?? '',
  });
}

export function registrationSettingsMessage(
  row: RegistrationSettings,
): invitations.RegistrationSettings {
  return create(invitations.RegistrationSettingsSchema, {
    accountId: row.accountId,
    enabled: row.enabled,
    registrationCode: row.registrationCode === null ? '' : displayCode(row.registrationCode),
    updatedAt: timestampFromDate(row.updatedAt),
  });
}
