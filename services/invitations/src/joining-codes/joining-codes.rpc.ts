import { Injectable, type OnModuleInit } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { requireCaller } from '@onramp/authz';
import { invitations } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { displayCode } from '../common/secrets';
import type { JoiningCode } from '../generated/prisma/client';
import { JoiningCodesService, joiningCodeStatus } from './joining-codes.service';

const methods = invitations.InvitationsService.method;

export function joiningCodeMessage(code: JoiningCode): invitations.JoiningCode {
  return create(invitations.JoiningCodeSchema, {
    id: code.id,
    accountId: code.accountId,
    code: displayCode(code.code),
    role: code.role,
    status: joiningCodeStatus(code),
    maxUses: code.maxUses,
    uses: code.uses,
    expiresAt: timestampFromDate(code.expiresAt),
    createdAt: timestampFromDate(code.createdAt),
    createdByUserId: code.createdByUserId ?? '',
  });
}

/** The NATS face of joining codes. */
@Injectable()
export class JoiningCodesRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly codes: JoiningCodesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createJoiningCode, async (request) => ({
      joiningCode: joiningCodeMessage(
        await this.codes.create(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.listJoiningCodes, async (request) => {
      const { items, nextCursor } = await this.codes.list(requireCaller(request.caller), request);
      return { joiningCodes: items.map(joiningCodeMessage), nextCursor };
    });
    this.rpc.handle(methods.rotateJoiningCode, async (request) => ({
      joiningCode: joiningCodeMessage(
        await this.codes.rotate(requireCaller(request.caller), request.joiningCodeId),
      ),
    }));
    this.rpc.handle(methods.revokeJoiningCode, async (request) => ({
      joiningCode: joiningCodeMessage(
        await this.codes.revoke(requireCaller(request.caller), request.joiningCodeId),
      ),
    }));
    this.rpc.handle(methods.redeemJoiningCode, (request) =>
      this.codes.redeem(requireCaller(request.caller), request),
    );
  }
}
