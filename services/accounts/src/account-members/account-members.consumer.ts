import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type EventSchema, identity, isUuid, occurredAt } from '@onramp/contracts';
import { EventConsumers } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { AccountMembersRepository, type MembershipChange } from './account-members.repository';

type MembershipEvent =
  identity.MembershipGranted | identity.MembershipUpdated | identity.MembershipRevoked;

/** Keeps which users belong to which accounts from identity's membership events. */
@Injectable()
export class AccountMembersConsumer implements OnModuleInit {
  private readonly logger = new Logger(AccountMembersConsumer.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly members: AccountMembersRepository,
  ) {}

  onModuleInit(): void {
    const subscriptions: [string, EventSchema<MembershipEvent>, boolean][] = [
      ['account-members-grants', identity.MembershipGrantedSchema, false],
      ['account-members-updates', identity.MembershipUpdatedSchema, false],
      ['account-members-revocations', identity.MembershipRevokedSchema, true],
    ];
    for (const [name, schema, revoked] of subscriptions)
      this.consumers.subscribe<MembershipEvent, Prisma.TransactionClient>({
        name,
        schema,
        handler: async (event, transaction) => {
          const change = this.changeOf(event, revoked);
          if (change !== undefined) await this.members.apply(transaction, change);
        },
      });
    // Erasure: identity deleted the user, so accounts forgets their memberships too.
    this.consumers.subscribe<identity.UserDeleted, Prisma.TransactionClient>({
      name: 'account-members-erasure',
      schema: identity.UserDeletedSchema,
      handler: (event, transaction) => this.members.eraseUser(transaction, event.userId),
    });
  }

  /** The event checked at the boundary; one that names no valid ids is logged and dropped. */
  private changeOf(event: MembershipEvent, revoked: boolean): MembershipChange | undefined {
    const membership = event.membership;
    if (
      membership === undefined ||
      !isUuid(membership.id) ||
      !isUuid(membership.userId) ||
      !membership.accountIds.every(isUuid)
    ) {
      this.logger.error(`a ${event.$typeName} event names no valid membership; it is ignored`);
      return undefined;
    }
    return {
      membershipId: membership.id.toLowerCase(),
      userId: membership.userId.toLowerCase(),
      accountIds: [...new Set(membership.accountIds.map((id) => id.toLowerCase()))],
      roles: membership.roles,
      revoked,
      changedAt: occurredAt(event),
    };
  }
}
