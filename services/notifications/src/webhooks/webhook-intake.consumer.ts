import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Message } from '@bufbuild/protobuf';
import { eventSubject } from '@onramp/contracts';
import { EventConsumers, type EventContext } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { eventSources, webhookBody, type EventSource } from './event-sources';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

/**
 * Turns domain events into pending webhook deliveries: one per endpoint subscribed to the event's
 * public type and scope, recorded in the transaction that marks the message handled. Nothing is
 * sent here: the dispatcher attempts them, so a slow partner never holds a consumer up.
 */
@Injectable()
export class WebhookIntake implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    for (const source of eventSources)
      this.consumers.subscribe<Message, Prisma.TransactionClient>({
        // One durable consumer per source subject, e.g. `notifications-webhooks-identity-user-created-v1`:
        // shared by every replica, so each event is taken once.
        name: `webhooks-${eventSubject(source.schema).replace(/\./g, '-')}`,
        schema: source.schema,
        handler: (event, transaction, context) => this.take(source, event, transaction, context),
      });
  }

  private async take(
    source: EventSource,
    event: Message,
    transaction: Prisma.TransactionClient,
    { messageId, afterCommit }: EventContext,
  ): Promise<void> {
    const publicEvent = source.toPublic(event);
    if (publicEvent === undefined) return;
    const endpointIds = await this.endpoints.subscribedTo(
      transaction,
      publicEvent.type,
      publicEvent.accountIds,
    );
    if (endpointIds.length === 0) return;
    await this.deliveries.record(
      transaction,
      {
        id: messageId,
        type: publicEvent.type,
        body: webhookBody(messageId, publicEvent, new Date()),
      },
      endpointIds,
    );
    // The dispatcher also polls; this only shortens the wait once the transaction has committed.
    afterCommit(() => this.dispatcher.nudge());
  }
}
