import { Injectable, type OnModuleInit } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts, identity, occurredAt, type EventSchema } from '@onramp/contracts';
import { EventConsumers, Outbox } from '@onramp/messaging';
import { DriversRepository } from '../drivers/drivers.repository';
import type { Prisma } from '../generated/prisma/client';
import { UserDirectoryRepository } from './user-directory.repository';

/** Keeps accounts' copy of each user (for driver lists and exports) from identity's events. */
@Injectable()
export class UserDirectoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly directory: UserDirectoryRepository,
    private readonly drivers: DriversRepository,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<identity.UserCreated, Prisma.TransactionClient>({
      name: 'user-directory',
      schema: identity.UserCreatedSchema,
      handler: (event, transaction) =>
        this.directory.record(transaction, {
          userId: event.userId,
          email: event.email,
          name: event.name,
          status: event.status === '' ? 'active' : event.status,
          at: occurredAt(event),
        }),
    });
    const statuses: [
      string,
      EventSchema<identity.UserActivated | identity.UserDeactivated | identity.UserReactivated>,
      string,
    ][] = [
      ['user-directory-activations', identity.UserActivatedSchema, 'active'],
      ['user-directory-deactivations', identity.UserDeactivatedSchema, 'deactivated'],
      ['user-directory-reactivations', identity.UserReactivatedSchema, 'active'],
    ];
    for (const [name, schema, status] of statuses)
      this.consumers.subscribe<
        identity.UserActivated | identity.UserDeactivated | identity.UserReactivated,
        Prisma.TransactionClient
      >({
        name,
        schema,
        handler: (event, transaction) =>
          this.directory.setStatus(transaction, event.userId, status, occurredAt(event)),
      });
    this.consumers.subscribe<identity.UserUpdated, Prisma.TransactionClient>({
      name: 'user-directory-updates',
      schema: identity.UserUpdatedSchema,
      handler: (event, transaction) =>
        this.directory.update(transaction, {
          userId: event.userId,
          email: event.email,
          name: event.name,
        }),
    });
    // Erasure: identity deleted the user, so accounts forgets them too.
    this.consumers.subscribe<identity.UserDeleted, Prisma.TransactionClient>({
      name: 'user-directory-erasure',
      schema: identity.UserDeletedSchema,
      handler: async (event, transaction, context) => {
        // Driver profiles go, cards stay but are unassigned; every account hears DriverErased.
        const accountIds = await this.drivers.eraseUser(transaction, event.userId);
        for (const accountId of accountIds)
          await this.outbox.append(transaction, accounts.DriverErasedSchema, {
            accountId,
            userId: event.userId,
            occurredAt: event.occurredAt ?? timestampFromDate(new Date()),
          });
        await this.directory.erase(transaction, event.userId);
        // The relay also polls; this only shortens the wait once the transaction has committed.
        context.afterCommit(() => this.outbox.nudge());
      },
    });
  }
}
