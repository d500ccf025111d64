import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysRpc } from './api-keys.rpc';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [AccountTreeModule],
  providers: [ApiKeysRpc, ApiKeysService, ApiKeysRepository],
  exports: [ApiKeysRepository],
})
export class ApiKeysModule {}
