import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { roles, type Role } from '@onramp/authz';
import { MAX_PERSONAL_MESSAGE_LENGTH } from '@onramp/invitation-rules';
import { languages, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '@onramp/user-rules';
import type { FastifyInstance } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import type { Callers } from './callers';
import { problem } from './problem';

const INVITATION_TTL_DAYS = 14;
const accountRoles = (Object.keys(roles) as Role[]).filter(
  (role) => roles[role].scope === 'account',
);

/** The gateway's `kind: account` invitation body, with the same bounds from the same rules. */
const createInvitationBody = z.strictObject({
  kind: z.literal('account'),
  email: z
    .string()
    .max(MAX_EMAIL_LENGTH)
    .regex(/^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, 'must be an email address')
    .transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  language: z.enum(languages).optional(),
  personalMessage: z.string().max(MAX_PERSONAL_MESSAGE_LENGTH).optional(),
  sendEmail: z.boolean().optional(),
  accountId: z.guid(),
  role: z.enum(accountRoles).optional(),
});
type CreateInvitationBody = z.output<typeof createInvitationBody>;

interface Account {
  id: string;
  name: string;
  language: string;
}

const ACTIVE_ACCOUNT = {
  name: 'active-account',
  text: `SELECT id, name, language FROM baseline.accounts WHERE id = $1 AND status = 'active'`,
};
const INSERT_INVITATION = {
  name: 'insert-invitation',
  text: `INSERT INTO baseline.invitations
           (id, account_id, email, name, language, role, personal_message, token_hash,
            invited_by_user_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING created_at`,
};
const INSERT_OUTBOX = {
  name: 'insert-outbox',
  text: `INSERT INTO baseline.outbox (id, subject, payload) VALUES ($1, $2, $3)`,
};

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The invitation and the event announcing it (with its link token) commit together or not at all. */
async function createInvitation(
  pool: Pool,
  body: CreateInvitationBody,
  account: Account,
  inviterId: string,
) {
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(token).digest();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = {
    id,
    accountId: account.id,
    email: body.email,
    name: body.name ?? '',
    language: body.language ?? account.language,
    role: body.role ?? 'no_role',
    personalMessage: body.personalMessage ?? '',
  };
  const createdAt = await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ created_at: Date }>({
      ...INSERT_INVITATION,
      values: [
        id,
        account.id,
        invitation.email,
        invitation.name,
        invitation.language,
        invitation.role,
        invitation.personalMessage,
        tokenHash,
        inviterId,
        expiresAt,
      ],
    });
    await client.query({
      ...INSERT_OUTBOX,
      values: [
        randomUUID(),
        'invitations.invitation.created.v1',
        { ...invitation, accountName: account.name, token, expiresAt },
      ],
    });
    return rows[0]?.created_at ?? new Date();
  });
  return {
    ...invitation,
    status: 'pending',
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/** POST /invitations: the same work as Onramp's invitation creation, in one process. */
export function invitationsRoute(app: FastifyInstance, pool: Pool, callers: Callers): void {
  app.post('/invitations', async (request, reply) => {
    const caller = await callers.of(request);
    if (caller === undefined) {
      return problem(reply, 401, 'unauthenticated', 'a bearer token of a live session is needed');
    }
    const parsed = createInvitationBody.safeParse(request.body);
    if (!parsed.success) {
      return problem(reply, 400, 'validation_failed', z.prettifyError(parsed.error));
    }
    const { rows } = await pool.query<Account>({
      ...ACTIVE_ACCOUNT,
      values: [parsed.data.accountId],
    });
    const account = rows[0];
    if (account === undefined) return problem(reply, 404, 'not_found', 'no such account');
    return reply.code(201).send(await createInvitation(pool, parsed.data, account, caller.id));
  });
}
