import { Module } from '@nestjs/common';
import { AccountLineagesModule } from '../account-lineages/account-lineages.module';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysRpc } from './api-keys.rpc';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [AccountLineagesModule],
  providers: [ApiKeysRpc, ApiKeysService, ApiKeysRepository],
  exports: [ApiKeysRepository],
})
export class ApiKeysModule {}
