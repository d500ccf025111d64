import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox } from '@onramp/messaging';
import { UsersRepository, type User } from './users.repository';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME_LENGTH = 200;

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Creates a user and, in the same transaction, the `identity.user.created` event. */
  async create(input: { email: string; name: string }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const name = input.name.trim();
    const violations: FieldViolation[] = [];
    if (!EMAIL.test(email) || email.length > 254)
      violations.push({ field: 'email', message: 'must be an email address' });
    if (name.length === 0 || name.length > MAX_NAME_LENGTH)
      violations.push({ field: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` });
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the user is not valid', violations);

    const user = await this.repository.createWith({ email, name }, async (transaction, created) => {
      await this.outbox.append(transaction, identity.UserCreatedSchema, {
        userId: created.id,
        email: created.email,
        name: created.name,
        occurredAt: timestampFromDate(created.createdAt),
      });
    });
    this.outbox.nudge();
    return user;
  }
}
