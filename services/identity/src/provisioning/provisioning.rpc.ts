import { Injectable, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { userMessage } from '../users/user-message';
import { ProvisioningService } from './provisioning.service';

const methods = identity.IdentityService.method;

/** The NATS face of provisioning: internal, for the invitations service only. */
@Injectable()
export class ProvisioningRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly provisioning: ProvisioningService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.hasPassword, async (request) => ({
      hasPassword: await this.provisioning.hasPassword(request.email),
    }));
    this.rpc.handle(methods.provisionUser, async (request) => {
      const provisionRequest = {
        idempotencyKey: request.idempotencyKey,
        email: request.email,
        name: request.name,
        language: request.language,
        password: request.password,
        existingUserId: request.existingUserId,
        memberships: request.memberships,
        status: request.status,
      };
      if (request.checkOnly) {
        await this.provisioning.check(provisionRequest);
        return {};
      }
      const provisioned = await this.provisioning.provision(provisionRequest);
      return {
        user: userMessage(provisioned.user),
        created: provisioned.created,
        alreadyProvisioned: provisioned.alreadyProvisioned,
      };
    });
  }
}
