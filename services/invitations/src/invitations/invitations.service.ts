import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { create, toJson } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  holdsAnywhere,
  isAllowed,
  membershipViolations,
  scopeOf,
  type Caller,
} from '@onramp/authz';
import { SERVICE_CONFIG } from '@onramp/config';
import { invitations, isUuid, MAX_SEARCH_LENGTH, tokenContext } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { MAX_PERSONAL_MESSAGE_LENGTH } from '@onramp/invitation-rules';
import { Outbox } from '@onramp/messaging';
import {
  decodeNewestFirst,
  isUniqueViolation,
  newestFirstPage,
  pageLimit,
} from '@onramp/persistence';
import { EventTokens } from '@onramp/sealing';
import {
  emailViolations,
  languageViolations,
  nameViolations,
  normaliseEmail,
} from '@onramp/user-rules';
import { INVITATION_KINDS, ttlHours, type InvitationsConfig } from '../config/invitations-config';
import { requireManageable, requirePermission } from '../common/access';
import { Directory } from '../common/directory';
import { EmailReadiness } from '../common/email-readiness';
import { RateLimits } from '../common/rate-limits';
import { newToken, tokenHash } from '../common/secrets';
import type { Invitation, InvitationKind, InvitationStatus } from '../generated/prisma/client';
import { authoriseInvitation, invalid, targetOf } from './invitation-authorisation';
import { closeInvitation, issuedEvent } from './invitation-events';
import { membershipOf, planInvitation, scopeKeyOf, uuidViolations } from './invitation-kinds';
import { invitationMessage, type InvitationWithHistory } from './invitation-message';
import { InvitationsRepository, type Transaction } from './invitations.repository';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** What creating an invitation answers (the same again for a repeated idempotency key). */
export interface CreatedInvitation {
  invitation: InvitationWithHistory;
  acceptanceUrl: string;
  supersededInvitationId: string;
}

const STATUSES: readonly InvitationStatus[] = [
  'pending',
  'accepted',
  'revoked',
  'expired',
  'superseded',
];

/** A link to the acceptance page: the token itself, so shown once and never stored. */
export function acceptanceUrl(config: InvitationsConfig, token: string): string {
  return `${config.PUBLIC_URL}/invite/${token}`;
}

/** Invitations as admins handle them: create, read, list, resend and revoke. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly repository: InvitationsRepository,
    private readonly directory: Directory,
    private readonly readiness: EmailReadiness,
    private readonly limits: RateLimits,
    private readonly outbox: Outbox,
    private readonly tokens: EventTokens,
    @Inject(SERVICE_CONFIG) private readonly config: InvitationsConfig,
  ) {}

  /**
   * With an idempotency key, a key already used answers the invitation first made with it and
   * does nothing more: no new token, event, email or supersession. Concurrent requests with one
   * key meet at the key's unique index; the loser answers the winner's invitation.
   */
  async create(
    caller: Caller,
    input: invitations.CreateInvitationRequest,
  ): Promise<CreatedInvitation> {
    if (!holdsAnywhere(caller, 'invitations.manage'))
      throw new DomainError('forbidden', 'you may not invite anyone');
    const idempotencyKey = input.idempotencyKey?.trim();
    if (idempotencyKey !== undefined) {
      const earlier = await this.madeEarlier(caller, idempotencyKey);
      if (earlier !== undefined) return earlier;
    }
    try {
      return await this.createOnce(caller, input, idempotencyKey);
    } catch (error) {
      if (idempotencyKey === undefined || !isUniqueViolation(error)) throw error;
      const earlier = await this.madeEarlier(caller, idempotencyKey);
      if (earlier === undefined) throw error;
      return earlier;
    }
  }

  /** The invitation made with this key before, answered as its creation was (without a link). */
  private async madeEarlier(
    caller: Caller,
    idempotencyKey: string,
  ): Promise<CreatedInvitation | undefined> {
    const row = await this.repository.findByIdempotencyKey(idempotencyKey);
    if (row === null) return undefined;
    if (!isAllowed(caller, 'invitations.read', targetOf(row)))
      throw new DomainError('conflict', 'this idempotency key was used for another invitation');
    return { invitation: row, acceptanceUrl: '', supersededInvitationId: '' };
  }

  private async createOnce(
    caller: Caller,
    input: invitations.CreateInvitationRequest,
    idempotencyKey: string | undefined,
  ): Promise<CreatedInvitation> {
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    const personalMessage = input.personalMessage.trim();
    const { plan, violations } = planInvitation(input.spec?.kind ?? { case: undefined });
    violations.push(...emailViolations(email));
    if (name !== '') violations.push(...nameViolations(name));
    if (input.language !== undefined) violations.push(...languageViolations(input.language));
    if (personalMessage.length > MAX_PERSONAL_MESSAGE_LENGTH)
      violations.push({
        field: 'personalMessage',
        message: `at most ${MAX_PERSONAL_MESSAGE_LENGTH} characters`,
      });
    if (plan !== undefined)
      violations.push(...membershipViolations(membershipOf(plan, randomUUID())));
    if (
      idempotencyKey !== undefined &&
      (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    )
      violations.push({
        field: 'idempotencyKey',
        message: `1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      });
    if (plan === undefined || violations.length > 0)
      throw invalid('the invitation is not valid', violations);

    const sendEmail = input.sendEmail ?? true;
    // Independent questions to three services, asked at once.
    const [accounts, inviter, emailState] = await Promise.all([
      Promise.all(plan.accountIds.map((accountId) => this.directory.account(caller, accountId))),
      this.directory.actingUser(caller).catch(() => undefined),
      sendEmail ? this.readiness.initialStatus() : notRequested(),
    ]);
    const newAccountId = plan.newAccount === undefined ? undefined : randomUUID();
    authoriseInvitation(caller, plan, accounts, newAccountId, sendEmail);
    const language = input.language ?? accounts[0]?.language ?? 'en';

    const token = newToken();
    const now = new Date();
    const lineage = [...new Set(accounts.flatMap((account) => account.lineage))];
    const scopeKey = scopeKeyOf(plan);
    const { created, superseded } = await this.repository.transaction(async (transaction) => {
      await this.repository.lockScope(transaction, email, scopeKey);
      const superseded = await this.supersede(transaction, email, scopeKey, caller, now, input.ip);
      const created = await this.repository.create(transaction, {
        id: randomUUID(),
        kind: plan.kind,
        email,
        name,
        language,
        spec: toJson(
          invitations.InvitationSpecSchema,
          create(invitations.InvitationSpecSchema, { kind: plan.spec }),
        ) as object,
        scopeKey,
        accountIds: plan.accountIds,
        accountLineage: lineage,
        accountName: accounts.map((account) => account.name).join(', '),
        newAccountId: newAccountId ?? null,
        newAccountName: plan.newAccount?.name ?? null,
        roles: plan.roles,
        additionalPermissions: plan.additionalPermissions,
        personalMessage,
        status: 'pending',
        tokenHash: tokenHash(token),
        invitedByUserId: caller.userId === '' ? null : caller.userId,
        inviterName: inviter?.name ?? '',
        createdAt: now,
        issuedAt: now,
        expiresAt: this.expiryFrom(now, plan.kind),
        emailStatus: emailState.status,
        emailReason: emailState.reason,
        emailUpdatedAt: now,
        idempotencyKey: idempotencyKey ?? null,
      });
      await this.repository.record(
        transaction,
        created.id,
        { action: 'created', byUserId: created.invitedByUserId, ip: input.ip },
        now,
      );
      await this.announceIssue(transaction, created, token, sendEmail, false);
      return { created, superseded };
    });
    this.outbox.nudge();
    return {
      invitation: invitationOf(await this.repository.findById(created.id)),
      acceptanceUrl: sendEmail ? '' : acceptanceUrl(this.config, token),
      supersededInvitationId: superseded[0] ?? '',
    };
  }

  async get(caller: Caller, invitationId: string): Promise<InvitationWithHistory> {
    const row = isUuid(invitationId) ? await this.repository.findById(invitationId) : null;
    if (row === null || !isAllowed(caller, 'invitations.read', targetOf(row)))
      throw new DomainError('not_found', 'no such invitation');
    return row;
  }

  async list(
    caller: Caller,
    input: invitations.ListInvitationsRequest,
  ): Promise<{ items: Invitation[]; nextCursor?: string }> {
    const limit = pageLimit(input.limit);
    const violations: FieldViolation[] = [];
    if (input.status !== undefined && !STATUSES.includes(input.status as InvitationStatus))
      violations.push({ field: 'status', message: `one of ${STATUSES.join(', ')}` });
    if (input.kind !== undefined && !(INVITATION_KINDS as readonly string[]).includes(input.kind))
      violations.push({ field: 'kind', message: `one of ${INVITATION_KINDS.join(', ')}` });
    if (input.accountId !== undefined)
      violations.push(...uuidViolations('accountId', [input.accountId]));
    if (input.query !== undefined && input.query.length > MAX_SEARCH_LENGTH)
      violations.push({ field: 'q', message: `at most ${MAX_SEARCH_LENGTH} characters` });
    if (violations.length > 0) throw invalid('the filters are not valid', violations);
    const after = decodeNewestFirst(input.cursor);
    const scope = scopeOf(caller, 'invitations.read');
    if (!scope.everywhere && scope.accountIds.length === 0) return { items: [] };
    const rows = await this.repository.list(
      scope,
      {
        status: input.status as InvitationStatus | undefined,
        kind: input.kind as InvitationKind | undefined,
        accountId: input.accountId?.toLowerCase(),
        emailContains: input.query?.trim().toLowerCase(),
        after,
      },
      limit + 1,
    );
    return newestFirstPage(rows, limit);
  }

  /** A new token (the old link dies), a new expiry and, unless asked otherwise, a new email. */
  async resend(
    caller: Caller,
    input: invitations.ResendInvitationRequest,
  ): Promise<{ invitation: InvitationWithHistory; acceptanceUrl: string }> {
    const existing = await this.manageable(caller, input.invitationId);
    const sendEmail = input.sendEmail ?? true;
    if (!sendEmail) requirePermission(caller, 'invitations.share_link', targetOf(existing));
    await this.limits.consume('resend', existing.id);
    const emailState = sendEmail ? await this.readiness.initialStatus() : notRequested();
    const token = newToken();
    const now = new Date();
    await this.repository.transaction(async (transaction) => {
      const row = await this.lockOpen(transaction, existing.id);
      const resent = await this.repository.update(transaction, row.id, {
        status: 'pending',
        tokenHash: tokenHash(token),
        issuedAt: now,
        expiresAt: this.expiryFrom(now, row.kind),
        resendCount: { increment: 1 },
        emailStatus: emailState.status,
        emailReason: emailState.reason,
        emailUpdatedAt: now,
      });
      await this.repository.record(
        transaction,
        row.id,
        { action: 'resent', byUserId: caller.userId || null, ip: input.ip },
        now,
      );
      await this.announceIssue(transaction, resent, token, sendEmail, true);
    });
    this.outbox.nudge();
    return {
      invitation: invitationOf(await this.repository.findById(existing.id)),
      acceptanceUrl: sendEmail ? '' : acceptanceUrl(this.config, token),
    };
  }

  /** The link dies at once; a new invitation of the same email always works afterwards. */
  async revoke(
    caller: Caller,
    input: invitations.RevokeInvitationRequest,
  ): Promise<InvitationWithHistory> {
    const existing = await this.manageable(caller, input.invitationId);
    const now = new Date();
    await this.repository.transaction(async (transaction) => {
      const row = await this.lockOpen(transaction, existing.id);
      await closeInvitation(transaction, this.repository, this.outbox, {
        invitationId: row.id,
        reason: 'revoked',
        at: now,
        by: { byUserId: caller.userId || null, ip: input.ip },
      });
    });
    this.outbox.nudge();
    return invitationOf(await this.repository.findById(existing.id));
  }

  /** The invitation locked for a change; "conflict" unless still open (pending or expired). */
  private async lockOpen(transaction: Transaction, invitationId: string): Promise<Invitation> {
    const row = await this.repository.lock(transaction, invitationId);
    if (row === null || (row.status !== 'pending' && row.status !== 'expired'))
      throw new DomainError('conflict', `the invitation is ${row?.status ?? 'gone'}`);
    return row;
  }

  private expiryFrom(from: Date, kind: InvitationKind): Date {
    return new Date(from.getTime() + ttlHours(this.config, kind) * 3_600_000);
  }

  private async announceIssue(
    transaction: Transaction,
    row: Invitation,
    token: string,
    sendEmail: boolean,
    resend: boolean,
  ): Promise<void> {
    if (sendEmail)
      await this.outbox.append(
        transaction,
        invitations.InvitationIssuedSchema,
        issuedEvent(row, this.tokens.forEvent(token, tokenContext.invitation(row.id)), resend),
      );
    else
      await this.outbox.append(transaction, invitations.InvitationCreatedSchema, {
        invitation: invitationMessage(row),
        occurredAt: timestampFromDate(row.issuedAt),
      });
  }

  /** Pending invitations of the same email into the same scope give way to the new one. */
  private async supersede(
    transaction: Transaction,
    email: string,
    scopeKey: string,
    caller: Caller,
    now: Date,
    ip: string,
  ): Promise<string[]> {
    const pending = await this.repository.pendingInScope(transaction, email, scopeKey);
    for (const row of pending)
      await closeInvitation(transaction, this.repository, this.outbox, {
        invitationId: row.id,
        reason: 'superseded',
        at: now,
        by: { byUserId: caller.userId || null, ip },
      });
    return pending.map((row) => row.id);
  }

  /** Visible (invitations.read) or "not_found"; then manageable or "forbidden". No history. */
  private async manageable(caller: Caller, invitationId: string): Promise<Invitation> {
    const row = isUuid(invitationId) ? await this.repository.find(invitationId) : null;
    return requireManageable(caller, row, targetOf, 'no such invitation');
  }
}

function notRequested() {
  return { status: 'not_requested', reason: '' };
}

function invitationOf(row: InvitationWithHistory | null): InvitationWithHistory {
  if (row === null) throw new Error('the invitation vanished inside its own request');
  return row;
}
