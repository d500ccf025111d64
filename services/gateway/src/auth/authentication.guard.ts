import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { holdsAnywhere, type Permission } from '@onramp/authz';
import { identity, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import type { FastifyRequest } from 'fastify';
import { answered } from '../mappers/proto-values';
import { OPTIONAL_AUTHENTICATION, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { attachCaller } from './caller-context';
import { credentialOf } from './credential';
import { FailedAuthentications } from './failed-authentications';

/**
 * Every route needs a bearer credential unless marked `@Public()`, or `@OptionalAuthentication()`
 * and sent without one. Identity resolves the credential into the Caller that handlers pass on
 * with each request.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
    private readonly failedAuthentications: FailedAuthentications,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    // Probes come from @onramp/health, which knows nothing of credentials: the kubelet has none.
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ||
      isHealthProbe(request)
    ) {
      return true;
    }
    if (
      this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTHENTICATION, targets) &&
      request.headers.authorization === undefined
    ) {
      return true;
    }
    await this.failedAuthentications.assertAllowed(request.ip);
    const caller = await this.authenticate(request).catch(async (error: unknown) => {
      if (error instanceof DomainError && error.code === 'unauthenticated') {
        await this.failedAuthentications.record(request.ip);
      }
      throw error;
    });
    attachCaller(request, caller);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (permission !== undefined && !holdsAnywhere(caller, permission)) {
      throw new DomainError('forbidden', `this action requires the permission ${permission}`);
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<common.Caller> {
    const credential = credentialOf(request.headers.authorization);
    if (credential === undefined) {
      throw new DomainError('unauthenticated', 'a bearer access token or API key is required');
    }
    const { caller } = await this.rpc.call(identity.IdentityService.method.authenticate, {
      credential,
    });
    return answered('identity', caller, 'a caller');
  }
}

function isHealthProbe(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/health/') ?? false;
}
