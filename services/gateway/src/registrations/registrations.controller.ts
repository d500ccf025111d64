import { Body, Controller, Param, Query } from '@nestjs/common';
import { invitations, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { ClientInfo, type Client } from '../auth/client-info';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import { Endpoint } from '../openapi/operation';
import { answered } from '../mappers/proto-values';
import { toRegistrationJson, toRegistrationSettingsJson } from './registrations.mappers';
import { registrationsOperations as api } from './registrations.operations';
import {
  listRegistrationsQuery,
  putRegistrationSettingsBody,
  registerBody,
  type ListRegistrationsQuery,
  type PutRegistrationSettingsBody,
  type RegisterBody,
  type RegisteredResponse,
  type RegistrationPageResponse,
  type RegistrationResponse,
  type RegistrationSettingsResponse,
} from './registrations.schemas';

const byId = new ZodParamsPipe(idParams);
const method = invitations.InvitationsService.method;

@Controller()
export class RegistrationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.getSettings)
  async getSettings(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
  ): Promise<RegistrationSettingsResponse> {
    const { settings } = await this.rpc.call(method.getRegistrationSettings, {
      caller,
      accountId: id,
    });
    return toRegistrationSettingsJson(settings);
  }

  @Endpoint(api.putSettings)
  async putSettings(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
    @Body(new ZodBodyPipe(putRegistrationSettingsBody)) body: PutRegistrationSettingsBody,
  ): Promise<RegistrationSettingsResponse> {
    const { settings } = await this.rpc.call(method.putRegistrationSettings, {
      caller,
      accountId: id,
      enabled: body.enabled,
      rotateCode: body.rotateCode ?? false,
    });
    return toRegistrationSettingsJson(settings);
  }

  @Endpoint(api.register)
  async register(
    @Body(new ZodBodyPipe(registerBody)) body: RegisterBody,
    @ClientInfo() { ip }: Client,
  ): Promise<RegisteredResponse> {
    const { registration } = await this.rpc.call(method.register, { ...body, ip });
    const { id, email, name, status, createdAt } = toRegistrationJson(
      answered('invitations', registration, 'a registration'),
    );
    return { id, email, name, status, createdAt };
  }

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Query(new ZodQueryPipe(listRegistrationsQuery)) { q, ...filters }: ListRegistrationsQuery,
  ): Promise<RegistrationPageResponse> {
    const page = await this.rpc.call(method.listRegistrations, { ...filters, query: q, caller });
    return {
      items: page.registrations.map(toRegistrationJson),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Endpoint(api.approve)
  async approve(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
  ): Promise<RegistrationResponse> {
    const { registration } = await this.rpc.call(method.approveRegistration, {
      caller,
      registrationId: id,
    });
    return toRegistrationJson(answered('invitations', registration, 'a registration'));
  }

  @Endpoint(api.reject)
  async reject(
    @CurrentCaller() caller: common.Caller,
    @Param(byId) { id }: { id: string },
  ): Promise<RegistrationResponse> {
    const { registration } = await this.rpc.call(method.rejectRegistration, {
      caller,
      registrationId: id,
    });
    return toRegistrationJson(answered('invitations', registration, 'a registration'));
  }
}
