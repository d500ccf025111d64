import { Body, Controller, Param, Query } from '@nestjs/common';
import { invitations, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller, OptionalCaller } from '../auth/caller-context';
import { ClientInfo, type Client } from '../auth/client-info';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { nonEmptyOrNull } from '../mappers/proto-values';
import { Endpoint } from '../openapi/operation';
import {
  acceptanceUrlOf,
  toAcceptInvitationRequest,
  toCreateInvitationRequest,
  toInvitationJson,
  toInvitationSummaryJson,
  toPreviewJson,
} from './invitations.mappers';
import { invitationsOperations as api } from './invitations.operations';
import {
  acceptInvitationBody,
  createInvitationBody,
  inviteSubAccountBody,
  listInvitationsQuery,
  lookupInvitationQuery,
  type AcceptedInvitationResponse,
  type AcceptInvitationBody,
  type CreatedInvitationResponse,
  type CreateInvitationBody,
  type InvitationPageResponse,
  type InvitationPreviewResponse,
  type InvitationResponse,
  type InviteSubAccountBody,
  type ListInvitationsQuery,
  type LookupInvitationQuery,
  type ResendInvitationBody,
  type ResentInvitationResponse,
} from './invitations.schemas';

// The id in the path: an invitation, or for sub-accounts the parent account.
const pathId = new ZodParamsPipe(idParams);
const method = invitations.InvitationsService.method;

@Controller()
export class InvitationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Body(new ZodBodyPipe(createInvitationBody)) body: CreateInvitationBody,
    @ClientInfo() { ip }: Client,
  ): Promise<CreatedInvitationResponse> {
    const answer = await this.rpc.call(method.createInvitation, {
      ...toCreateInvitationRequest(body),
      caller,
      ip,
    });
    return {
      ...toInvitationJson(answer.invitation),
      ...acceptanceUrlOf(answer.acceptanceUrl),
      supersededInvitationId: nonEmptyOrNull(answer.supersededInvitationId),
    };
  }

  @Endpoint(api.inviteSubAccount)
  inviteSubAccount(
    @CurrentCaller() caller: common.Caller,
    @Param(pathId) { id }: { id: string },
    @Body(new ZodBodyPipe(inviteSubAccountBody)) body: InviteSubAccountBody,
    @ClientInfo() client: Client,
  ): Promise<CreatedInvitationResponse> {
    return this.create(caller, { ...body, kind: 'sub_account', parentAccountId: id }, client);
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listInvitationsQuery)) { q, ...filters }: ListInvitationsQuery,
  ): Promise<InvitationPageResponse> {
    const page = await this.rpc.call(method.listInvitations, { ...filters, query: q, caller });
    return {
      items: page.invitations.map(toInvitationSummaryJson),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Endpoint(api.lookup)
  async lookup(
    @Query(new ZodQueryPipe(lookupInvitationQuery)) { token }: LookupInvitationQuery,
    @ClientInfo() { ip }: Client,
  ): Promise<InvitationPreviewResponse> {
    const { invitation } = await this.rpc.call(method.lookupInvitation, { token, ip });
    return toPreviewJson(invitation);
  }

  @Endpoint(api.accept)
  async accept(
    @OptionalCaller() caller: common.Caller | undefined,
    @Body(new ZodBodyPipe(acceptInvitationBody)) body: AcceptInvitationBody,
    @ClientInfo() { ip }: Client,
  ): Promise<AcceptedInvitationResponse> {
    const accepted = await this.rpc.call(method.acceptInvitation, {
      ...toAcceptInvitationRequest(body),
      caller,
      ip,
    });
    return {
      userId: accepted.userId,
      invitationId: accepted.invitationId,
      accountId: nonEmptyOrNull(accepted.accountId),
    };
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(pathId) { id }: { id: string },
  ): Promise<InvitationResponse> {
    const { invitation } = await this.rpc.call(method.getInvitation, {
      caller,
      invitationId: id,
    });
    return toInvitationJson(invitation);
  }

  @Endpoint(api.resend)
  async resend(
    @CurrentCaller() caller: common.Caller,
    @Param(pathId) { id }: { id: string },
    @Body(ZodBodyPipe.of(api.resend)) body: ResendInvitationBody,
    @ClientInfo() { ip }: Client,
  ): Promise<ResentInvitationResponse> {
    const answer = await this.rpc.call(method.resendInvitation, {
      caller,
      invitationId: id,
      sendEmail: body.sendEmail,
      ip,
    });
    return { ...toInvitationJson(answer.invitation), ...acceptanceUrlOf(answer.acceptanceUrl) };
  }

  @Endpoint(api.revoke)
  async revoke(
    @CurrentCaller() caller: common.Caller,
    @Param(pathId) { id }: { id: string },
    @ClientInfo() { ip }: Client,
  ): Promise<InvitationResponse> {
    const { invitation } = await this.rpc.call(method.revokeInvitation, {
      caller,
      invitationId: id,
      ip,
    });
    return toInvitationJson(invitation);
  }
}
