import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, likeLiteral, modelRows } from '@onramp/persistence';
import type { DriverInvitation, Prisma, PrismaClient } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** Open: listed on the invited tab, and still resendable. */
const OPEN_STATUSES = ['pending', 'expired'];

/** A driver invitation as one of the invitations service's events described it. */
export type DriverInvitationChange = DriverInvitation;

/** An open driver invitation as a row of one account's invited tab. */
export type InvitedDriverRow = DriverInvitation & { accountId: string };

/** The open driver invitations into each account. */
@Injectable()
export class DriverInvitationsRepository {
  constructor(@Inject(DATABASE) private readonly database: PrismaClient) {}

  /**
   * Applies an event whatever order they arrive in: a closing one (accepted, revoked,
   * superseded) is final, and any other older than what is stored changes nothing. Two consumers
   * creating the same row at once collide on the primary key; the loser's message is redelivered
   * and then finds the row.
   */
  async apply(transaction: Transaction, change: DriverInvitationChange): Promise<void> {
    const { invitationId } = change;
    const open = OPEN_STATUSES.includes(change.status);
    // A closed invitation is kept only to stay closed: nothing personal stays with it.
    const data = open ? change : { ...change, email: '', name: '' };
    const stored = await transaction.driverInvitation.findUnique({ where: { invitationId } });
    if (stored === null) {
      await transaction.driverInvitation.create({ data });
      return;
    }
    if (!OPEN_STATUSES.includes(stored.status)) return;
    if (open && stored.changedAt > change.changedAt) return;
    await transaction.driverInvitation.update({ where: { invitationId }, data });
  }

  /**
   * A page of the account's open driver invitations in invitation id order, matching `query`.
   * An invitation to someone who is a member already (an imported user invited to set a
   * password) is left out: the tab lists them once, as the user.
   */
  async list(
    accountId: string,
    { afterId, query }: { afterId?: string; query?: string },
    take: number,
  ): Promise<InvitedDriverRow[]> {
    const pattern = query === undefined ? null : `%${likeLiteral(query)}%`;
    const rows = modelRows<DriverInvitation>(
      await this.database.$queryRaw<Record<string, unknown>[]>`
        SELECT invitation.* FROM "accounts"."driver_invitations" AS invitation
         WHERE invitation.account_ids @> ARRAY[${accountId}::uuid]
           AND invitation.status = ANY(${OPEN_STATUSES}::text[])
           AND (${afterId ?? null}::uuid IS NULL OR invitation.invitation_id > ${afterId ?? null}::uuid)
           AND (${pattern}::text IS NULL
                OR invitation.name ILIKE ${pattern} OR invitation.email ILIKE ${pattern})
           AND NOT EXISTS (
                 SELECT 1 FROM "accounts"."user_directory" AS member
                   JOIN "accounts"."account_memberships" AS membership
                     ON membership.user_id = member.user_id
                  WHERE lower(member.email) = lower(invitation.email)
                    AND membership.account_ids @> ARRAY[${accountId}::uuid])
         ORDER BY invitation.invitation_id
         LIMIT ${take}`,
    );
    return rows.map((row) => ({ ...row, accountId }));
  }
}
