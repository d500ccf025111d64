import { Injectable, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { UserDirectoryRepository } from './user-directory.repository';

/** Keeps accounts' copy of each user (for driver lists and exports) from identity's events. */
@Injectable()
export class UserDirectoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly directory: UserDirectoryRepository,
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
        }),
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
      handler: (event, transaction) => this.directory.erase(transaction, event.userId),
    });
  }
}
