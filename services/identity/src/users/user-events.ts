import { Injectable } from '@nestjs/common';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { Outbox } from '@onramp/messaging';
import type { SqlClient } from '@onramp/persistence';
import type { Membership } from '../generated/prisma/client';
import { membershipMessage, type UserWithMemberships } from './user-message';

/**
 * The events that tell other services about users, appended to the outbox inside the transaction
 * that made the change. `byUserId` is empty when identity acts on its own authority.
 */
@Injectable()
export class UserEvents {
  constructor(private readonly outbox: Outbox) {}

  /** UserCreated, and MembershipGranted for each membership the user was created with. */
  async created(transaction: SqlClient, user: UserWithMemberships, byUserId: string) {
    await this.createdMany(transaction, [user], byUserId);
  }

  /** `created` for many users, one statement for each kind of event. */
  async createdMany(
    transaction: SqlClient,
    users: readonly UserWithMemberships[],
    byUserId: string,
  ) {
    await this.outbox.appendMany(
      transaction,
      identity.UserCreatedSchema,
      users.map((user) => ({
        userId: user.id,
        email: user.email,
        name: user.name,
        language: user.language,
        status: user.status,
        occurredAt: timestampFromDate(user.createdAt),
      })),
    );
    await this.outbox.appendMany(
      transaction,
      identity.MembershipGrantedSchema,
      users.flatMap((user) =>
        user.memberships.map((membership) =>
          membershipEvent(membership, byUserId, timestampFromDate(user.createdAt)),
        ),
      ),
    );
  }

  async membershipsGranted(
    transaction: SqlClient,
    memberships: readonly Membership[],
    byUserId: string,
    occurredAt: Timestamp = timestampFromDate(new Date()),
  ) {
    for (const membership of memberships)
      await this.outbox.append(
        transaction,
        identity.MembershipGrantedSchema,
        membershipEvent(membership, byUserId, occurredAt),
      );
  }

  async membershipUpdated(transaction: SqlClient, membership: Membership, byUserId: string) {
    await this.outbox.append(
      transaction,
      identity.MembershipUpdatedSchema,
      membershipEvent(membership, byUserId),
    );
  }

  async membershipRevoked(transaction: SqlClient, membership: Membership, byUserId: string) {
    await this.outbox.append(
      transaction,
      identity.MembershipRevokedSchema,
      membershipEvent(membership, byUserId),
    );
  }

  async updated(transaction: SqlClient, user: UserWithMemberships) {
    await this.outbox.append(transaction, identity.UserUpdatedSchema, {
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  async activated(transaction: SqlClient, userId: string) {
    await this.outbox.append(transaction, identity.UserActivatedSchema, {
      userId,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  async deactivated(transaction: SqlClient, userId: string, byUserId: string) {
    await this.outbox.append(transaction, identity.UserDeactivatedSchema, {
      userId,
      byUserId,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  async reactivated(transaction: SqlClient, userId: string, byUserId: string) {
    await this.outbox.append(transaction, identity.UserReactivatedSchema, {
      userId,
      byUserId,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  async deleted(transaction: SqlClient, user: { id: string; email: string }, byUserId: string) {
    await this.outbox.append(transaction, identity.UserDeletedSchema, {
      userId: user.id,
      email: user.email,
      byUserId,
      occurredAt: timestampFromDate(new Date()),
    });
  }

  /** After the commit: publish at once instead of at the relay's next poll. */
  nudge(): void {
    this.outbox.nudge();
  }
}

/** The payload MembershipGranted, MembershipUpdated and MembershipRevoked share. */
function membershipEvent(
  membership: Membership,
  byUserId: string,
  occurredAt: Timestamp = timestampFromDate(new Date()),
) {
  return { membership: membershipMessage(membership), byUserId, occurredAt };
}
