import { Injectable, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { EventConsumers, RpcServer } from '@onramp/messaging';
import { clientDetails } from '../auth/auth.rpc';
import type { Prisma } from '../generated/prisma/client';
import { PasswordResetService } from './password-reset.service';

const methods = identity.IdentityService.method;

/** The NATS faces of password reset: its two RPCs and the consumer that issues tokens. */
@Injectable()
export class PasswordResetRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly consumers: EventConsumers,
    private readonly passwordReset: PasswordResetService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.requestPasswordReset, async (request) => {
      await this.passwordReset.request(request.email, clientDetails(request.client).ip);
      return {};
    });
    this.rpc.handle(methods.confirmPasswordReset, async (request) => {
      await this.passwordReset.confirm(request.token, request.newPassword);
      return {};
    });
    this.consumers.subscribe<identity.PasswordResetRequested, Prisma.TransactionClient>({
      name: 'password-reset',
      schema: identity.PasswordResetRequestedSchema,
      handler: (event, transaction) => this.passwordReset.issue(event, transaction),
    });
  }
}
