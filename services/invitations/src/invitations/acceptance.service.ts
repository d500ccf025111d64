import { Injectable } from '@nestjs/common';
import {
  create,
  fromJson,
  toJson,
  type JsonValue,
  type MessageInitShape,
} from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { companyViolations, normaliseCompany } from '@onramp/account-rules';
import { actingUserId, type MembershipShape } from '@onramp/authz';
import { accounts, identity, invitations } from '@onramp/contracts';
import { DomainError, type FieldViolation } from '@onramp/errors';
import { Outbox, RpcClient } from '@onramp/messaging';
import { RateLimits } from '../common/rate-limits';
import { tokenHash, tokenMatches } from '../common/secrets';
import type { Invitation } from '../generated/prisma/client';
import { newAccountOf } from './invitation-events';
import { membershipOf, planInvitation } from './invitation-kinds';
import { invitationMessage, specMessage } from './invitation-message';
import { InvitationsRepository, type Transaction } from './invitations.repository';

/** Identity's idempotency key for an invitation's acceptance: one user and membership, ever. */
export const provisioningKey = (invitationId: string) => `invitation:${invitationId}`;

/** A membership as identity's contract takes it. */
function membershipSpec(membership: MembershipShape) {
  return {
    platform: membership.platform,
    accountIds: [...membership.accountIds],
    roles: [...membership.roles],
    additionalPermissions: [...membership.additionalPermissions],
  };
}

function invalidToken(): DomainError {
  return new DomainError('invalid_token', 'this invitation link is not valid (any more)');
}

/**
 * The invitee's side: what a link shows, and accepting it. Identity is the one commit point: it
 * creates the user and the membership in one transaction, once per invitation, and announces it
 * (UserProvisioned); the invitation is then marked accepted — here, or by the consumer of that
 * announcement if this process died in between — and accounts creates any sub-account from the
 * InvitationAccepted event. Every step is idempotent, so the saga converges without compensation.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly repository: InvitationsRepository,
    private readonly limits: RateLimits,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  async lookup(input: invitations.LookupInvitationRequest): Promise<invitations.InvitationPreview> {
    const row = await this.usable(input.token);
    const plan = planInvitation(specMessage(row.spec).kind).plan;
    return create(invitations.InvitationPreviewSchema, {
      kind: row.kind,
      email: row.email,
      name: row.name,
      language: row.language,
      accountName: row.accountName,
      newAccountName: row.newAccountName ?? '',
      companyRequired: plan?.newAccount?.type === 'business',
      personalMessage: row.personalMessage,
      inviterName: row.inviterName,
      expiresAt: timestampFromDate(row.expiresAt),
      existingUser: await this.hasPassword(row.email),
      roles: row.roles,
    });
  }

  /** Unknown (false) when identity cannot be asked: the acceptance itself will say so. */
  private async hasPassword(email: string): Promise<boolean> {
    const answer = await this.rpc
      .call(identity.IdentityService.method.hasPassword, { email })
      .catch(() => undefined);
    return answer?.hasPassword ?? false;
  }

  async accept(
    input: invitations.AcceptInvitationRequest,
  ): Promise<invitations.AcceptInvitationResponse> {
    const row = await this.usable(input.token);
    const plan = planInvitation(specMessage(row.spec).kind).plan;
    if (plan === undefined) throw new Error(`invitation ${row.id} holds no valid spec`);
    const company = normaliseCompany({
      legalName: input.company?.legalName ?? '',
      registrationNumber: input.company?.registrationNumber ?? '',
      vatNumber: input.company?.vatNumber ?? '',
    });
    const companyProblems =
      plan.newAccount === undefined ? [] : companyViolations(company, plan.newAccount.type);
    // A signed-in user accepting joins as themselves; an API key never accepts as anyone.
    const joiningUserId = input.caller === undefined ? '' : actingUserId(input.caller);
    // Identity decides who accepts and what they must provide: a user who exists keeps their
    // name, a new one needs one (the invitation's unless typed).
    const provisioning = {
      idempotencyKey: provisioningKey(row.id),
      email: row.email,
      name: input.name.trim() === '' ? row.name : input.name.trim(),
      language: row.language,
      password: input.password,
      existingUserId: joiningUserId === '' ? undefined : joiningUserId,
      memberships: [membershipSpec(membershipOf(plan, row.newAccountId ?? undefined))],
      status: 'active',
    };
    if (input.checkOnly || companyProblems.length > 0) {
      await this.check(provisioning, companyProblems);
      return create(invitations.AcceptInvitationResponseSchema, {});
    }
    if (plan.newAccount !== undefined)
      await this.repository.keepAcceptanceCompany(
        row.id,
        toJson(accounts.CompanySchema, create(accounts.CompanySchema, company)) as object,
      );
    const { user } = await this.rpc.call(
      identity.IdentityService.method.provisionUser,
      provisioning,
    );
    if (user === undefined) throw new Error('identity answered without the user');
    await this.complete(row.id, user.id, input.ip);
    return create(invitations.AcceptInvitationResponseSchema, {
      userId: user.id,
      invitationId: row.id,
      accountId: row.newAccountId ?? '',
    });
  }

  /**
   * Refuses as the acceptance would: login_required when the email's user must sign in first,
   * otherwise identity's violations and `problems` together; passes when there are none.
   */
  private async check(
    provisioning: MessageInitShape<typeof identity.ProvisionUserRequestSchema>,
    problems: readonly FieldViolation[],
  ): Promise<void> {
    const identityProblems = await this.rpc
      .call(identity.IdentityService.method.provisionUser, { ...provisioning, checkOnly: true })
      .then(
        () => [],
        (error: unknown) => {
          if (error instanceof DomainError && error.code === 'validation_failed')
            return error.violations;
          throw error;
        },
      );
    const violations = [...identityProblems, ...problems];
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the acceptance is not complete', violations);
  }

  /**
   * Marks the invitation accepted by `userId` and announces it, once. Identity's provisioning is
   * the fact: an invitation revoked or expired while its acceptance was under way still ends
   * accepted, since the user and the membership exist.
   */
  async complete(invitationId: string, userId: string, ip = ''): Promise<void> {
    const accepted = await this.repository.transaction((transaction) =>
      this.completeWithin(transaction, invitationId, userId, ip),
    );
    if (accepted) this.outbox.nudge();
  }

  /** As `complete`, inside the caller's transaction; whether this call accepted it. */
  async completeWithin(
    transaction: Transaction,
    invitationId: string,
    userId: string,
    ip = '',
  ): Promise<boolean> {
    const row = await this.repository.lock(transaction, invitationId);
    if (row === null || row.status === 'accepted') return false;
    const now = new Date();
    const updated = await this.repository.update(transaction, row.id, {
      status: 'accepted',
      acceptedAt: now,
      acceptedUserId: userId,
    });
    await this.repository.record(
      transaction,
      row.id,
      { action: 'accepted', byUserId: userId, ip },
      now,
    );
    const company =
      row.acceptanceCompany === null
        ? undefined
        : fromJson(accounts.CompanySchema, row.acceptanceCompany as JsonValue);
    await this.outbox.append(transaction, invitations.InvitationAcceptedSchema, {
      invitation: invitationMessage(updated),
      userId,
      newAccount: newAccountOf(updated, company),
      occurredAt: timestampFromDate(now),
    });
    return true;
  }

  /**
   * The pending, unexpired invitation a token opens; one answer ("invalid_token") for every other
   * case, so a link's answer never tells a used link from a revoked, expired or unknown one. The
   * row is found by the token's hash (the database only ever sees hashes); the token is then
   * checked against the stored hash in constant time, the comparison the link's security rests on.
   */
  private async usable(token: string): Promise<Invitation> {
    const hash = tokenHash(token);
    await this.limits.consume('token', Buffer.from(hash).toString('hex'));
    const row = await this.repository.findByTokenHash(hash);
    if (
      row === null ||
      !tokenMatches(token, row.tokenHash) ||
      row.status !== 'pending' ||
      row.expiresAt.getTime() <= Date.now()
    )
      throw invalidToken();
    return row;
  }
}
