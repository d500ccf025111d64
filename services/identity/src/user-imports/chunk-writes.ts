import type { UserWithMemberships } from '../users/user-message';
import type { UserEvents } from '../users/user-events';
import type { NewUser } from '../users/users.repository';
import type { RowRecord, Transaction, UserImportsRepository } from './user-imports.repository';

/**
 * The writes of a chunk's rows in one transaction: new users and the rows' records are kept and
 * written a few statements for the whole chunk (`flush`), the users before any row that changes
 * an existing user (who may be one of them).
 */
export class ChunkWrites {
  private users: ReturnType<UserImportsRepository['prepareUser']>[] = [];
  private records: RowRecord[] = [];

  constructor(
    readonly transaction: Transaction,
    private readonly importId: string,
    readonly byUserId: string,
    private readonly repository: UserImportsRepository,
    private readonly events: UserEvents,
  ) {}

  /** A new user, with its id, written at the next flush. */
  createUser(data: NewUser): UserWithMemberships {
    const prepared = this.repository.prepareUser(data);
    this.users.push(prepared);
    return prepared.user;
  }

  record(record: RowRecord): RowRecord {
    this.records.push(record);
    return record;
  }

  /** Writes the new users so far, with their events. */
  async flushUsers(): Promise<void> {
    if (this.users.length === 0) return;
    await this.repository.createUsers(this.transaction, this.users);
    await this.events.createdMany(
      this.transaction,
      this.users.map(({ user }) => user),
      this.byUserId,
    );
    this.users = [];
  }

  /** Writes everything kept. */
  async flush(): Promise<void> {
    await this.flushUsers();
    await this.repository.record(this.transaction, this.importId, this.records);
    this.records = [];
  }
}
