import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Message } from '@bufbuild/protobuf';
import { eventSubject } from '@onramp/contracts';
import { EventConsumers, type EventContext } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { eventSources, publicEventId, webhookBody, type EventSource } from './event-sources';
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
        handler: (event, transaction, context) =>
          this.take(source, [{ event, context }], transaction),
        handleMany: (batch, transaction) => this.take(source, batch, transaction),
      });
  }

  /** The deliveries of a batch of events of one source, with one read of the endpoints. */
  private async take(
    source: EventSource,
    batch: { event: Message; context: EventContext }[],
    transaction: Prisma.TransactionClient,
  ): Promise<void> {
    const events = batch.flatMap(({ event, context }) =>
      source.toPublic(event).map((publicEvent, position) => ({
        publicEvent,
        context,
        id: publicEventId(source, context.messageId, position),
      })),
    );
    if (events.length === 0) return;
    const endpoints = await this.endpoints.subscribedTo(
      transaction,
      events.map(({ publicEvent }) => publicEvent.type),
      events.flatMap(({ publicEvent }) => publicEvent.accountIds),
    );
    if (endpoints.length === 0) return;
    for (const { publicEvent, context, id } of events) {
      const accountIds = new Set(publicEvent.accountIds);
      const endpointIds = endpoints
        .filter(
          ({ accountId, eventTypes }) =>
            eventTypes.includes(publicEvent.type) &&
            (accountId === null || accountIds.has(accountId)),
        )
        .map(({ id }) => id);
      if (endpointIds.length === 0) continue;
      await this.deliveries.record(
        transaction,
        { id, type: publicEvent.type, body: webhookBody(id, publicEvent, new Date()) },
        endpointIds,
      );
      // The dispatcher also polls; this only shortens the wait once the transaction has committed.
      context.afterCommit(() => this.dispatcher.nudge());
    }
  }
}
