import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { identity } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { SecurityReportService } from '../security-report/security-report.service';
import { UserLifecycleService } from './user-lifecycle.service';
import { userMessage } from './user-message';
import { UsersService } from './users.service';

const methods = identity.IdentityService.method;

/** The NATS face of users: decodes requests, calls the services, encodes replies. */
@Injectable()
export class UsersRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly users: UsersService,
    private readonly lifecycle: UserLifecycleService,
    private readonly securityReports: SecurityReportService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createUser, async (request) => {
      const user = await this.users.create(requireCaller(request.caller), {
        email: request.email,
        name: request.name,
        language: request.language,
        password: request.password,
        memberships: request.memberships,
      });
      return { user: userMessage(user) };
    });
    this.rpc.handle(methods.getUser, async (request) => ({
      user: userMessage(await this.users.get(requireCaller(request.caller), request.userId)),
    }));
    this.rpc.handle(methods.listUsers, async (request) => {
      const page = await this.users.list(requireCaller(request.caller), request);
      return { users: page.users.map(userMessage), nextCursor: page.nextCursor };
    });
    this.rpc.handle(methods.updateUser, async (request) => {
      const user = await this.users.update(requireCaller(request.caller), request.userId, {
        name: request.name,
        language: request.language,
        email: request.email,
        gender: request.gender,
      });
      return { user: userMessage(user) };
    });
    this.rpc.handle(methods.deactivateUser, async (request) => ({
      user: userMessage(
        await this.lifecycle.deactivate(requireCaller(request.caller), request.userId),
      ),
    }));
    this.rpc.handle(methods.reactivateUser, async (request) => ({
      user: userMessage(
        await this.lifecycle.reactivate(requireCaller(request.caller), request.userId),
      ),
    }));
    this.rpc.handle(methods.deleteUser, async (request) => {
      await this.lifecycle.delete(requireCaller(request.caller), request.userId);
      return {};
    });
    // Internal, for the invitations service's self-registration approvals; no caller to check.
    this.rpc.handle(methods.activatePendingUser, async (request) => ({
      user: userMessage(await this.lifecycle.activatePending(request.userId, request.byUserId)),
    }));
    this.rpc.handle(methods.erasePendingUser, async (request) => {
      await this.lifecycle.erasePending(request.userId, request.byUserId);
      return {};
    });
    this.rpc.handle(methods.requestSecurityReport, async (request) => {
      await this.securityReports.request(requireCaller(request.caller), request.userId);
      return {};
    });
  }
}
