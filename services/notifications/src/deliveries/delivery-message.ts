import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { notifications } from '@onramp/contracts';
import type { Delivery } from '../generated/prisma/client';

/**
 * A delivery as the contract carries it (the delivery log and EmailDeliveryChanged): only what the
 * record holds, which is never the body or the token it carried.
 */
export function deliveryMessage(
  delivery: Delivery,
): MessageInitShape<typeof notifications.DeliverySchema> {
  return {
    id: delivery.id,
    recipient: delivery.recipient,
    template: delivery.template,
    language: delivery.language,
    sourceEvent: delivery.sourceSubject,
    status: delivery.status,
    attempts: delivery.attempts,
    providerMessageId: delivery.providerMessageId ?? '',
    lastError: delivery.lastError ?? '',
    createdAt: timestampFromDate(delivery.createdAt),
    sentAt: delivery.sentAt === null ? undefined : timestampFromDate(delivery.sentAt),
    reference: delivery.reference ?? '',
  };
}
