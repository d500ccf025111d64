import type { invitations } from '@onramp/contracts';
import { isoOrNull, nonEmptyOrNull } from '../mappers/proto-values';
import type { JoiningCodeResponse } from './joining-codes.schemas';

export function toJoiningCodeJson(code: invitations.JoiningCode): JoiningCodeResponse {
  return {
    id: code.id,
    accountId: code.accountId,
    code: code.code,
    role: code.role,
    status: code.status,
    maxUses: code.maxUses === 0 ? null : code.maxUses,
    uses: code.uses,
    expiresAt: isoOrNull(code.expiresAt),
    createdAt: isoOrNull(code.createdAt),
    createdByUserId: nonEmptyOrNull(code.createdByUserId),
  };
}
