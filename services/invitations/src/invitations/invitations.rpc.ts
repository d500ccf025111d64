import { Injectable, type OnModuleInit } from '@nestjs/common';
import { requireCaller } from '@onramp/authz';
import { invitations } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { AcceptanceService } from './acceptance.service';
import { invitationMessage } from './invitation-message';
import { InvitationsService } from './invitations.service';

const methods = invitations.InvitationsService.method;

/** The NATS face of invitations. */
@Injectable()
export class InvitationsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly invitations: InvitationsService,
    private readonly acceptance: AcceptanceService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createInvitation, async (request) => {
      const created = await this.invitations.create(requireCaller(request.caller), request);
      return { ...created, invitation: invitationMessage(created.invitation) };
    });
    this.rpc.handle(methods.getInvitation, async (request) => ({
      invitation: invitationMessage(
        await this.invitations.get(requireCaller(request.caller), request.invitationId),
      ),
    }));
    this.rpc.handle(methods.listInvitations, async (request) => {
      const { items, nextCursor } = await this.invitations.list(
        requireCaller(request.caller),
        request,
      );
      return { invitations: items.map((row) => invitationMessage(row)), nextCursor };
    });
    this.rpc.handle(methods.resendInvitation, async (request) => {
      const resent = await this.invitations.resend(requireCaller(request.caller), request);
      return { ...resent, invitation: invitationMessage(resent.invitation) };
    });
    this.rpc.handle(methods.revokeInvitation, async (request) => ({
      invitation: invitationMessage(
        await this.invitations.revoke(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.lookupInvitation, async (request) => ({
      invitation: await this.acceptance.lookup(request),
    }));
    this.rpc.handle(methods.acceptInvitation, (request) => this.acceptance.accept(request));
  }
}
