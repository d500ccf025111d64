import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { UsersModule } from '../users/users.module';
import { ProvisioningRepository } from './provisioning.repository';
import { ProvisioningRpc } from './provisioning.rpc';
import { ProvisioningService } from './provisioning.service';

@Module({
  imports: [UsersModule, CredentialsModule],
  providers: [ProvisioningRpc, ProvisioningService, ProvisioningRepository],
})
export class ProvisioningModule {}
