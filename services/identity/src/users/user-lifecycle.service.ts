import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import type { UserStatus } from './user-fields';
import { UserEvents } from './user-events';
import { UserLookup } from './user-lookup';
import type { UserWithMemberships } from './user-message';
import { UsersRepository } from './users.repository';

/** Deactivation, reactivation and erasure of users, and the approval of pending ones. */
@Injectable()
export class UserLifecycleService {
  private readonly logger = new Logger(UserLifecycleService.name);

  constructor(
    private readonly repository: UsersRepository,
    private readonly lookup: UserLookup,
    private readonly events: UserEvents,
  ) {}

  /** Revokes every session at once, so the user's access tokens stop working immediately. */
  async deactivate(caller: Caller, userId: string): Promise<UserWithMemberships> {
    refuseSelf(caller, userId, 'deactivate');
    const user = await this.lookup.changeable(caller, userId, 'users.manage');
    if (user.status === 'deactivated') return user;
    const deactivated = await this.repository.deactivate(userId, (transaction) =>
      this.events.deactivated(transaction, userId, caller.userId),
    );
    this.events.nudge();
    return deactivated;
  }

  async reactivate(caller: Caller, userId: string): Promise<UserWithMemberships> {
    const user = await this.lookup.changeable(caller, userId, 'users.manage');
    if (user.status === 'active') return user;
    if (user.status !== 'deactivated') {
      throw new DomainError('conflict', `an ${user.status} user cannot be reactivated`);
    }
    const reactivated = await this.repository.reactivate(userId, (transaction) =>
      this.events.reactivated(transaction, userId, caller.userId),
    );
    this.events.nudge();
    return reactivated;
  }

  async delete(caller: Caller, userId: string): Promise<void> {
    refuseSelf(caller, userId, 'delete');
    const user = await this.lookup.changeable(caller, userId, 'users.delete');
    if (!(await this.erase(user, caller.userId)))
      throw new DomainError('not_found', 'no such user');
  }

  /**
   * An approved self-registration. `byUserId` (the admin who approved) goes to the log only:
   * UserActivated has no field for it.
   */
  async activatePending(userId: string, byUserId: string): Promise<UserWithMemberships> {
    await this.pending(userId);
    const activated = await this.repository.activatePending(userId, (transaction) =>
      this.events.activated(transaction, userId),
    );
    // Activated or erased by someone else between the read and the update.
    if (activated === null) throw notPending();
    this.events.nudge();
    this.logger.log(`pending user ${userId} activated by ${byUserId || 'the system'}`);
    return activated;
  }

  /** A rejected self-registration: erased exactly as DeleteUser erases. */
  async erasePending(userId: string, byUserId: string): Promise<void> {
    const user = await this.pending(userId);
    if (!(await this.erase(user, byUserId, 'pending_approval'))) throw notPending();
  }

  /** The user, if still pending approval: `not_found` or `conflict` otherwise. */
  private async pending(userId: string): Promise<UserWithMemberships> {
    const user = isUuid(userId) ? await this.repository.findById(userId) : null;
    if (user === null) throw new DomainError('not_found', 'no such user');
    if (user.status !== 'pending_approval') throw notPending(user.status);
    return user;
  }

  private async erase(
    user: { id: string; email: string },
    byUserId: string,
    status?: UserStatus,
  ): Promise<boolean> {
    const erased = await this.repository.erase(
      user,
      (transaction) => this.events.deleted(transaction, user, byUserId),
      status,
    );
    this.events.nudge();
    return erased;
  }
}

function notPending(status?: string): DomainError {
  return new DomainError(
    'conflict',
    status === undefined
      ? 'the user is no longer pending approval'
      : `the user is ${status}, not pending approval`,
  );
}

// Locking oneself out (or erasing oneself) by accident must not be one click away.
function refuseSelf(caller: Caller, userId: string, action: string): void {
  if (caller.userId !== '' && caller.userId === userId) {
    throw new DomainError('forbidden', `you cannot ${action} yourself`);
  }
}
