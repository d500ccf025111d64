import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Caller } from '@onramp/authz';
import { identity } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { UserLookup } from './user-lookup';
import type { UserWithMemberships } from './user-message';
import { UsersRepository } from './users.repository';

/** Deactivation, reactivation and erasure of users. */
@Injectable()
export class UserLifecycleService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly lookup: UserLookup,
    private readonly outbox: Outbox,
  ) {}

  /** Revokes every session at once, so the user's access tokens stop working immediately. */
  async deactivate(caller: Caller, userId: string): Promise<UserWithMemberships> {
    refuseSelf(caller, userId, 'deactivate');
    const user = await this.lookup.changeable(caller, userId, 'users.manage');
    if (user.status === 'deactivated') return user;
    const deactivated = await this.repository.deactivate(userId, async (transaction) => {
      await this.outbox.append(transaction, identity.UserDeactivatedSchema, {
        userId,
        byUserId: caller.userId,
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
    return deactivated;
  }

  async reactivate(caller: Caller, userId: string): Promise<UserWithMemberships> {
    const user = await this.lookup.changeable(caller, userId, 'users.manage');
    if (user.status === 'active') return user;
    if (user.status !== 'deactivated') {
      throw new DomainError('conflict', `an ${user.status} user cannot be reactivated`);
    }
    const reactivated = await this.repository.reactivate(userId, async (transaction) => {
      await this.outbox.append(transaction, identity.UserReactivatedSchema, {
        userId,
        byUserId: caller.userId,
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
    return reactivated;
  }

  async delete(caller: Caller, userId: string): Promise<void> {
    refuseSelf(caller, userId, 'delete');
    const user = await this.lookup.changeable(caller, userId, 'users.delete');
    await this.repository.delete(user, async (transaction) => {
      await this.outbox.append(transaction, identity.UserDeletedSchema, {
        userId,
        byUserId: caller.userId,
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
  }
}

// Locking oneself out (or erasing oneself) by accident must not be one click away.
function refuseSelf(caller: Caller, userId: string, action: string): void {
  if (caller.userId !== '' && caller.userId === userId) {
    throw new DomainError('forbidden', `you cannot ${action} yourself`);
  }
}
