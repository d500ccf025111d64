import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { accounts } from '@onramp/contracts';
import type { ChargingCard } from '../generated/prisma/client';

export function cardMessage(
  card: ChargingCard,
): MessageInitShape<typeof accounts.ChargingCardSchema> {
  return {
    id: card.id,
    accountId: card.accountId,
    uid: card.uid,
    type: card.type,
    contractId: card.contractId,
    visualNumber: card.visualNumber,
    issuer: card.issuer,
    groupId: card.groupId,
    valid: card.valid,
    whitelist: card.whitelist,
    language: card.language,
    assignedUserId: card.assignedUserId ?? undefined,
    lastUpdated: timestampFromDate(card.lastUpdated),
  };
}
