import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import {
  DATABASE,
  likeLiteral,
  NEWEST_FIRST,
  olderThan,
  type NewestFirstKey,
} from '@onramp/persistence';
import type {
  Invitation,
  InvitationStatus,
  Prisma,
  PrismaClient,
} from '../generated/prisma/client';
import type { InvitationWithHistory } from './invitation-message';

export type Transaction = Prisma.TransactionClient;

/** What stands where an erased person's address was: nobody's address, still unique per user. */
export function erasedAddress(userId: string): string {
  return `erased:${userId}`;
}

export interface InvitationFilters {
  status?: InvitationStatus;
  kind?: Invitation['kind'];
  accountId?: string;
  /** Part of the email, already lower-cased. */
  emailContains?: string;
  after?: NewestFirstKey;
}

export interface HistoryEntry {
  action: string;
  byUserId?: string | null;
  ip?: string;
  detail?: string;
}

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.database.$transaction(work);
  }

  /** Serialises invitations of one email into one scope, so supersession never races. */
  async lockScope(transaction: Transaction, email: string, scopeKey: string): Promise<void> {
    await transaction.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${email}|${scopeKey}`}, 7402))`;
  }

  pendingInScope(transaction: Transaction, email: string, scopeKey: string) {
    return transaction.invitation.findMany({ where: { email, scopeKey, status: 'pending' } });
  }

  create(transaction: Transaction, data: Prisma.InvitationUncheckedCreateInput) {
    return transaction.invitation.create({ data });
  }

  async record(
    transaction: Transaction,
    invitationId: string,
    entry: HistoryEntry,
    at = new Date(),
  ): Promise<void> {
    await transaction.invitationEvent.create({
      data: {
        id: randomUUID(),
        invitationId,
        action: entry.action,
        at,
        byUserId: entry.byUserId ?? null,
        ip: entry.ip ?? '',
        detail: entry.detail ?? '',
      },
    });
  }

  /** The invitation alone, without its history. */
  find(id: string): Promise<Invitation | null> {
    return this.database.invitation.findUnique({ where: { id } });
  }

  findById(
    id: string,
    transaction: Transaction = this.database,
  ): Promise<InvitationWithHistory | null> {
    return transaction.invitation.findUnique({
      where: { id },
      include: { history: { orderBy: { at: 'asc' } } },
    });
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<InvitationWithHistory | null> {
    return this.database.invitation.findUnique({
      where: { idempotencyKey },
      include: { history: { orderBy: { at: 'asc' } } },
    });
  }

  findByTokenHash(hash: Uint8Array): Promise<Invitation | null> {
    return this.database.invitation.findUnique({ where: { tokenHash: Buffer.from(hash) } });
  }

  /** Locks the row for a state change; null when it does not exist. */
  async lock(transaction: Transaction, id: string): Promise<Invitation | null> {
    const rows = await transaction.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitations.invitations WHERE id = ${id}::uuid FOR UPDATE`;
    return rows.length === 0 ? null : transaction.invitation.findUnique({ where: { id } });
  }

  /** What the invitee gave for the account acceptance creates, before identity is asked. */
  async keepAcceptanceCompany(id: string, company: Prisma.InputJsonValue): Promise<void> {
    await this.database.invitation.update({ where: { id }, data: { acceptanceCompany: company } });
  }

  update(transaction: Transaction, id: string, data: Prisma.InvitationUncheckedUpdateInput) {
    return transaction.invitation.update({ where: { id }, data });
  }

  list(scope: AccessScope, filters: InvitationFilters, take: number) {
    const where: Prisma.InvitationWhereInput[] = [];
    if (!scope.everywhere) where.push({ accountLineage: { hasSome: [...scope.accountIds] } });
    if (filters.status !== undefined) where.push({ status: filters.status });
    if (filters.kind !== undefined) where.push({ kind: filters.kind });
    if (filters.accountId !== undefined) where.push({ accountLineage: { has: filters.accountId } });
    if (filters.emailContains !== undefined)
      where.push({ email: { contains: likeLiteral(filters.emailContains) } });
    where.push(olderThan(filters.after));
    return this.database.invitation.findMany({
      where: { AND: where },
      orderBy: [...NEWEST_FIRST],
      take,
    });
  }

  /**
   * The user who accepted was deactivated (`deactivated`) or reactivated at `at`; a change older
   * than the one already applied is ignored.
   */
  async markUserStatus(transaction: Transaction, userId: string, deactivated: boolean, at: Date) {
    if (!isUuid(userId)) return;
    await transaction.invitation.updateMany({
      where: {
        acceptedUserId: userId,
        status: 'accepted',
        OR: [{ userStatusChangedAt: null }, { userStatusChangedAt: { lte: at } }],
      },
      data: { userDeactivatedAt: deactivated ? at : null, userStatusChangedAt: at },
    });
  }

  /**
   * Erasure in identity: the person's address, name and any personal message addressed to them
   * leave every settled invitation and every registration of theirs (accepted by them, or sent to
   * their address); ids, kinds, statuses and the audit trail's actions stay. A pending invitation
   * to the address is an open offer made after the fact and stays as it is.
   */
  async erasePerson(transaction: Transaction, userId: string, email: string): Promise<void> {
    const mine: Prisma.InvitationWhereInput[] = [];
    if (isUuid(userId)) mine.push({ acceptedUserId: userId });
    if (email !== '') mine.push({ email });
    if (mine.length === 0) return;
    const erased = { email: erasedAddress(userId), name: '', personalMessage: '' };
    await transaction.invitation.updateMany({
      where: { OR: mine, status: { not: 'pending' } },
      data: erased,
    });
    await transaction.registration.updateMany({
      where: {
        OR: [...(isUuid(userId) ? [{ userId }] : []), ...(email === '' ? [] : [{ email }])],
      },
      data: { email: erased.email, name: '' },
    });
  }

  /** Pending invitations past their expiry, locked for this replica alone (others skip them). */
  async lockExpired(transaction: Transaction, now: Date, limit: number): Promise<Invitation[]> {
    const rows = await transaction.$queryRaw<{ id: string }[]>`
      SELECT id FROM invitations.invitations
      WHERE status = 'pending' AND expires_at <= ${now}
      ORDER BY expires_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    return transaction.invitation.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  }
}
