import { isUuid } from '@onramp/contracts';
import { Injectable } from '@nestjs/common';
import type { Caller, Permission } from '@onramp/authz';
import { DomainError } from '@onramp/errors';
import { canChangeUser, canSeeUser } from './user-access';
import type { UserWithMemberships } from './user-message';
import { UsersRepository } from './users.repository';

/** Loads a user as a caller may know it: `not_found` when hidden, `forbidden` when read-only. */
@Injectable()
export class UserLookup {
  constructor(private readonly repository: UsersRepository) {}

  async visible(caller: Caller, userId: string): Promise<UserWithMemberships> {
    const user = isUuid(userId) ? await this.repository.findById(userId) : null;
    if (user === null || !canSeeUser(caller, user)) {
      throw new DomainError('not_found', 'no such user');
    }
    return user;
  }

  async changeable(
    caller: Caller,
    userId: string,
    permission: Permission,
  ): Promise<UserWithMemberships> {
    const user = await this.visible(caller, userId);
    if (!canChangeUser(caller, permission, user.memberships)) {
      throw new DomainError(
        'forbidden',
        `changing this user needs ${permission} over all its accounts`,
      );
    }
    return user;
  }
}
