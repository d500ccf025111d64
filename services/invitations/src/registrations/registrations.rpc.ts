import { Injectable, type OnModuleInit } from '@nestjs/common';
import { requireCaller } from '@onramp/authz';
import { identity, invitations, isUuid } from '@onramp/contracts';
import { EventConsumers, RpcServer } from '@onramp/messaging';
import type { Prisma } from '../generated/prisma/client';
import { registrationMessage, registrationSettingsMessage } from './registration-message';
import { registrationKey, RegistrationsService } from './registrations.service';

const methods = invitations.InvitationsService.method;

/** The NATS face of self-registration, and identity's word that a registered user exists. */
@Injectable()
export class RegistrationsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly registrations: RegistrationsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.getRegistrationSettings, async (request) => ({
      settings: registrationSettingsMessage(
        await this.registrations.settings(requireCaller(request.caller), request.accountId),
      ),
    }));
    this.rpc.handle(methods.putRegistrationSettings, async (request) => ({
      settings: registrationSettingsMessage(
        await this.registrations.putSettings(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.register, async (request) => ({
      registration: registrationMessage(await this.registrations.register(request)),
    }));
    this.rpc.handle(methods.listRegistrations, async (request) => {
      const { items, nextCursor } = await this.registrations.list(
        requireCaller(request.caller),
        request,
      );
      return { registrations: items.map(registrationMessage), nextCursor };
    });
    this.rpc.handle(methods.approveRegistration, async (request) => ({
      registration: registrationMessage(
        await this.registrations.approve(requireCaller(request.caller), request.registrationId),
      ),
    }));
    this.rpc.handle(methods.rejectRegistration, async (request) => ({
      registration: registrationMessage(
        await this.registrations.reject(requireCaller(request.caller), request.registrationId),
      ),
    }));
    // A registration whose requester died after identity created the user still gets to pending.
    this.consumers.subscribe<identity.UserProvisioned, Prisma.TransactionClient>({
      name: 'registration-provisionings',
      schema: identity.UserProvisionedSchema,
      handler: async (event, transaction) => {
        const registrationId = event.idempotencyKey.slice(registrationKey('').length);
        if (event.idempotencyKey !== registrationKey(registrationId) || !isUuid(registrationId))
          return;
        await this.registrations.confirmWithin(transaction, registrationId, event.userId);
      },
    });
  }
}
