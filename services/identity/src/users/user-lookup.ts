import { isUuid } from '@onramp/contracts';
import { Injectable } from '@nestjs/common';
import type { Caller, Permission } from '@onramp/authz';
import { DomainError } from '@onramp/errors';
import { AccountTree } from '@onramp/account-tree';
import { accountsOf, canChangeUser, canSeeUser } from './user-access';
import type { UserWithMemberships } from './user-message';
import { UsersRepository } from './users.repository';

/** Loads a user as a caller may know it: `not_found` when hidden, `forbidden` when read-only. */
@Injectable()
export class UserLookup {
  constructor(
    private readonly repository: UsersRepository,
    private readonly lineages: AccountTree,
  ) {}

  async visible(caller: Caller, userId: string): Promise<UserWithMemberships> {
    return (await this.withLineages(caller, userId)).user;
  }

  async changeable(
    caller: Caller,
    userId: string,
    permission: Permission,
  ): Promise<UserWithMemberships> {
    const { user, lineageOf } = await this.withLineages(caller, userId);
    if (!canChangeUser(caller, permission, user.memberships, lineageOf)) {
      throw new DomainError(
        'forbidden',
        `changing this user needs ${permission} over all its accounts`,
      );
    }
    return user;
  }

  /**
   * The visible user with the lineages of its accounts, which decide the access checks;
   * `notFound` is what a hidden user is reported as. Visible means through `users.read`, or
   * through `seenWith` where a user must be more than readable to exist for the caller.
   */
  async withLineages(
    caller: Caller,
    userId: string,
    notFound = 'no such user',
    seenWith: Permission = 'users.read',
  ) {
    const user = isUuid(userId) ? await this.repository.findById(userId) : null;
    const lineageOf = await this.lineages.lineagesOf(
      user === null ? [] : accountsOf(user.memberships),
    );
    if (user === null || !canSeeUser(caller, user, lineageOf, seenWith)) {
      throw new DomainError('not_found', notFound);
    }
    return { user, lineageOf };
  }
}
