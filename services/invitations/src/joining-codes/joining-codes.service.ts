import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { actingUserId, mayGrant, membershipViolations, type Caller } from '@onramp/authz';
import { identity, invitations, isUuid } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import {
  DEFAULT_JOINING_CODE_VALID_DAYS,
  MAX_CODE_INPUT_LENGTH,
  MAX_JOINING_CODE_USES,
  MAX_JOINING_CODE_VALID_DAYS,
} from '@onramp/invitation-rules';
import { Outbox, RpcClient } from '@onramp/messaging';
import {
  DATABASE,
  decodeNewestFirst,
  NEWEST_FIRST,
  newestFirstPage,
  olderThan,
  pageLimit,
} from '@onramp/persistence';
import { requireManageable, requirePermission } from '../common/access';
import { Directory } from '../common/directory';
import { RateLimits } from '../common/rate-limits';
import { withFreshCode } from '../common/fresh-code';
import { normaliseCode } from '../common/secrets';
import type { JoiningCode, PrismaClient } from '../generated/prisma/client';

/** Identity's idempotency key for one user's redemption of one code. */
export const redemptionKey = (codeId: string, userId: string) => `joining-code:${codeId}:${userId}`;

function invalidCode(): DomainError {
  return new DomainError('invalid_code', 'this code is not valid (any more)');
}

type CodeState = Pick<JoiningCode, 'status' | 'expiresAt' | 'maxUses' | 'uses'>;

/** What a code is at `now`: only an "active" one can be redeemed. */
export function joiningCodeStatus(
  code: CodeState,
  now = Date.now(),
): 'active' | 'revoked' | 'expired' | 'used_up' {
  if (code.status === 'revoked') return 'revoked';
  if (code.expiresAt.getTime() <= now) return 'expired';
  return code.maxUses !== 0 && code.uses >= code.maxUses ? 'used_up' : 'active';
}

const usable = (code: CodeState) => joiningCodeStatus(code) === 'active';

/**
 * Joining codes: an account admin shares a code, and any signed-in user who enters it
 * gets the code's role in the account at once.
 */
@Injectable()
export class JoiningCodesService {
  constructor(
    @Inject(DATABASE) private readonly database: PrismaClient,
    private readonly directory: Directory,
    private readonly limits: RateLimits,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  async create(caller: Caller, input: invitations.CreateJoiningCodeRequest): Promise<JoiningCode> {
    const account = await this.directory.account(caller, input.accountId);
    requirePermission(caller, 'invitations.manage', { accountIds: account.lineage });
    const role = input.role ?? 'driver';
    const membership = {
      platform: false,
      accountIds: [account.id],
      roles: [role],
      additionalPermissions: [],
    };
    const violations = membershipViolations(membership).map((violation) => ({
      ...violation,
      field: violation.field === 'roles' ? 'role' : violation.field,
    }));
    const validDays = input.validDays === 0 ? DEFAULT_JOINING_CODE_VALID_DAYS : input.validDays;
    if (validDays > MAX_JOINING_CODE_VALID_DAYS)
      violations.push({ field: 'validDays', message: `1 to ${MAX_JOINING_CODE_VALID_DAYS}` });
    if (input.maxUses > MAX_JOINING_CODE_USES)
      violations.push({ field: 'maxUses', message: `0 (unlimited) to ${MAX_JOINING_CODE_USES}` });
    if (violations.length > 0)
      throw new DomainError('validation_failed', 'the joining code is not valid', violations);
    if (!mayGrant(caller, membership, () => account.lineage))
      throw new DomainError('forbidden', 'you may not grant this role');
    const now = new Date();
    return withFreshCode((code) =>
      this.database.joiningCode.create({
        data: {
          id: randomUUID(),
          accountId: account.id,
          accountLineage: account.lineage,
          accountName: account.name,
          code,
          role,
          maxUses: input.maxUses,
          expiresAt: new Date(now.getTime() + validDays * 86_400_000),
          createdAt: now,
          createdByUserId: caller.userId === '' ? null : caller.userId,
        },
      }),
    );
  }

  async list(
    caller: Caller,
    input: invitations.ListJoiningCodesRequest,
  ): Promise<{ items: JoiningCode[]; nextCursor?: string }> {
    const account = await this.directory.account(caller, input.accountId);
    requirePermission(caller, 'invitations.read', { accountIds: account.lineage });
    const limit = pageLimit(input.limit);
    const after = decodeNewestFirst(input.cursor);
    const rows = await this.database.joiningCode.findMany({
      where: { accountId: account.id, ...olderThan(after) },
      orderBy: [...NEWEST_FIRST],
      take: limit + 1,
    });
    return newestFirstPage(rows, limit);
  }

  /** A new code; the old one stops working at once. */
  async rotate(caller: Caller, joiningCodeId: string): Promise<JoiningCode> {
    const existing = await this.manageable(caller, joiningCodeId);
    if (existing.status !== 'active')
      throw new DomainError('conflict', 'a revoked code cannot be rotated');
    return withFreshCode((code) =>
      this.database.joiningCode.update({ where: { id: existing.id }, data: { code } }),
    );
  }

  async revoke(caller: Caller, joiningCodeId: string): Promise<JoiningCode> {
    const existing = await this.manageable(caller, joiningCodeId);
    return this.database.joiningCode.update({
      where: { id: existing.id },
      data: { status: 'revoked' },
    });
  }

  async redeem(
    caller: Caller,
    input: invitations.RedeemJoiningCodeRequest,
  ): Promise<{ accountId: string; accountName: string; role: string }> {
    const userId = actingUserId(caller);
    if (userId === '')
      throw new DomainError('forbidden', 'sign in as yourself to use a joining code');
    await this.limits.consume('redeem', userId);
    const code = await this.database.joiningCode.findUnique({
      where: { code: normaliseCode(input.code).slice(0, MAX_CODE_INPUT_LENGTH) },
    });
    if (code === null || !usable(code)) throw invalidCode();
    const answer = { accountId: code.accountId, accountName: code.accountName, role: code.role };
    const reserved = await this.reserve(code.id, userId);
    if (reserved === 'done') return answer;
    try {
      const user = await this.directory.actingUser(caller);
      if (user === undefined) throw new DomainError('forbidden', 'sign in as yourself');
      await this.rpc.call(identity.IdentityService.method.provisionUser, {
        idempotencyKey: redemptionKey(code.id, userId),
        email: user.email,
        name: user.name,
        language: user.language,
        existingUserId: userId,
        memberships: [{ accountIds: [code.accountId], roles: [code.role] }],
        status: 'active',
      });
    } catch (error) {
      await this.release(code.id, userId);
      throw error;
    }
    await this.database.$transaction(async (transaction) => {
      await transaction.joiningCodeRedemption.update({
        where: { joiningCodeId_userId: { joiningCodeId: code.id, userId } },
        data: { completed: true },
      });
      await this.outbox.append(transaction, invitations.JoiningCodeRedeemedSchema, {
        joiningCodeId: code.id,
        accountId: code.accountId,
        userId,
        role: code.role,
        occurredAt: timestampFromDate(new Date()),
      });
    });
    this.outbox.nudge();
    return answer;
  }

  /**
   * Takes one use for this user, unless they already redeemed the code ("done": nothing more to
   * do) or are redeeming it right now. Refused when the code was used up meanwhile.
   */
  private reserve(codeId: string, userId: string): Promise<'reserved' | 'done'> {
    return this.database.$transaction(async (transaction) => {
      const [code] = await transaction.$queryRaw<JoiningCode[]>`
        SELECT status, expires_at AS "expiresAt", max_uses AS "maxUses", uses
        FROM invitations.joining_codes WHERE id = ${codeId}::uuid FOR UPDATE`;
      const earlier = await transaction.joiningCodeRedemption.findUnique({
        where: { joiningCodeId_userId: { joiningCodeId: codeId, userId } },
      });
      if (earlier !== null) return 'done';
      if (code === undefined || !usable(code)) throw invalidCode();
      await transaction.joiningCodeRedemption.create({ data: { joiningCodeId: codeId, userId } });
      await transaction.joiningCode.update({
        where: { id: codeId },
        data: { uses: { increment: 1 } },
      });
      return 'reserved';
    });
  }

  /** Gives the use back when identity could not grant the membership. */
  private async release(codeId: string, userId: string): Promise<void> {
    await this.database.$transaction(async (transaction) => {
      const { count } = await transaction.joiningCodeRedemption.deleteMany({
        where: { joiningCodeId: codeId, userId, completed: false },
      });
      if (count > 0)
        await transaction.joiningCode.update({
          where: { id: codeId },
          data: { uses: { decrement: 1 } },
        });
    });
  }

  private async manageable(caller: Caller, joiningCodeId: string): Promise<JoiningCode> {
    const code = isUuid(joiningCodeId)
      ? await this.database.joiningCode.findUnique({ where: { id: joiningCodeId } })
      : null;
    return requireManageable(
      caller,
      code,
      (found) => ({ accountIds: found.accountLineage }),
      'no such joining code',
    );
  }
}
