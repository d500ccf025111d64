import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { costCenterMessage, userGroupMessage } from './group-messages';
import { GroupsService } from './groups.service';

const methods = accounts.AccountsService.method;

/** The NATS face of cost centers and user groups. */
@Injectable()
export class GroupsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly groups: GroupsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createCostCenter, async (request) => ({
      costCenter: costCenterMessage(
        await this.groups.createCostCenter(
          requireCaller(request.caller),
          request.accountId,
          request.name,
        ),
      ),
    }));
    this.rpc.handle(methods.listCostCenters, async (request) => {
      const { items, nextCursor } = await this.groups.listCostCenters(
        requireCaller(request.caller),
        request,
      );
      return { costCenters: items.map(costCenterMessage), nextCursor };
    });
    this.rpc.handle(methods.updateCostCenter, async (request) => ({
      costCenter: costCenterMessage(
        await this.groups.updateCostCenter(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.deleteCostCenter, async (request) => {
      await this.groups.deleteCostCenter(requireCaller(request.caller), request);
      return {};
    });
    this.rpc.handle(methods.createUserGroup, async (request) => ({
      userGroup: userGroupMessage(
        await this.groups.createUserGroup(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.listUserGroups, async (request) => {
      const { items, nextCursor } = await this.groups.listUserGroups(
        requireCaller(request.caller),
        request,
      );
      return { userGroups: items.map(userGroupMessage), nextCursor };
    });
    this.rpc.handle(methods.updateUserGroup, async (request) => ({
      userGroup: userGroupMessage(
        await this.groups.updateUserGroup(requireCaller(request.caller), request),
      ),
    }));
    this.rpc.handle(methods.deleteUserGroup, async (request) => {
      await this.groups.deleteUserGroup(requireCaller(request.caller), request);
      return {};
    });
  }
}
