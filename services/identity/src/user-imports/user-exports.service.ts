import { Inject, Injectable } from '@nestjs/common';
import { scopeOf, type Caller } from '@onramp/authz';
import { isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { DATABASE, decodeCursor, encodeCursor } from '@onramp/persistence';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { membershipMessage, userMessage } from '../users/user-message';

const MAX_PAGE = 1000;

/** A membership's accounts, each with its ancestors: where a grant on any of them reaches. */
const reachOf = (alias: string) => Prisma.sql`(
  SELECT array_agg(DISTINCT reach) FROM unnest(${Prisma.raw(alias)}.account_ids) AS a(id)
  LEFT JOIN "identity"."account_lineages" l ON l.account_id = a.id
  CROSS JOIN LATERAL unnest(array_append(coalesce(l.ancestor_ids, '{}'), a.id)) AS reach)`;

/**
 * The users export's pages: one entry per membership the caller may see (users.read in one of
 * its accounts or above them; a platform caller also sees platform memberships), by user then
 * membership.
 */
@Injectable()
export class UserExportsService {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  async page(caller: Caller, request: { accountId?: string; cursor?: string; limit: number }) {
    const limit = request.limit === 0 ? MAX_PAGE : request.limit;
    if (limit > MAX_PAGE)
      throw new DomainError('validation_failed', 'the limit is too large', [
        { field: 'limit', message: `must be 1 to ${MAX_PAGE}` },
      ]);
    const scope = scopeOf(caller, 'users.read');
    if (request.accountId !== undefined) await this.requireVisible(request.accountId, scope);
    const [userId, membershipId] =
      request.cursor === undefined ? [] : decodeCursor(request.cursor, 2);
    const rows = await this.database.$queryRaw<{ user_id: string; membership_id: string }[]>`
      SELECT m.user_id, m.id AS membership_id FROM "identity"."memberships" m
      WHERE ${scope.everywhere ? Prisma.sql`TRUE` : Prisma.sql`NOT m.platform AND ${reachOf('m')} && ${[...scope.accountIds]}::uuid[]`}
        AND ${request.accountId === undefined ? Prisma.sql`TRUE` : Prisma.sql`NOT m.platform AND ${reachOf('m')} @> ARRAY[${request.accountId}]::uuid[]`}
        AND ${userId === undefined ? Prisma.sql`TRUE` : Prisma.sql`(m.user_id, m.id) > (${userId}::uuid, ${membershipId}::uuid)`}
      ORDER BY m.user_id, m.id LIMIT ${limit + 1}`;
    const taken = rows.slice(0, limit);
    const memberships = await this.database.membership.findMany({
      where: { id: { in: taken.map((row) => row.membership_id) } },
      include: { user: true },
    });
    const byId = new Map(memberships.map((membership) => [membership.id, membership]));
    const last = taken[taken.length - 1];
    return {
      members: taken.map((row) => {
        const { user, ...membership } = byId.get(row.membership_id)!;
        return {
          user: userMessage({ ...user, memberships: [] }),
          membership: membershipMessage(membership),
        };
      }),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.user_id, last.membership_id]) : undefined,
    };
  }

  /** An account outside the caller's reach answers as one that does not exist. */
  private async requireVisible(accountId: string, scope: ReturnType<typeof scopeOf>) {
    if (!isUuid(accountId)) throw new DomainError('not_found', 'no such account');
    if (scope.everywhere) return;
    const lineage = await this.database.accountLineage.findUnique({ where: { accountId } });
    const reach = [accountId, ...(lineage?.ancestorIds ?? [])];
    if (!reach.some((id) => scope.accountIds.includes(id)))
      throw new DomainError('not_found', 'no such account');
  }
}
