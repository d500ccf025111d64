import { Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysRpc } from './api-keys.rpc';
import { ApiKeysService } from './api-keys.service';

@Module({
  providers: [ApiKeysRpc, ApiKeysService, ApiKeysRepository],
  exports: [ApiKeysRepository],
})
export class ApiKeysModule {}
