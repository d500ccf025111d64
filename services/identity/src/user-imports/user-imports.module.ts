import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { UsersModule } from '../users/users.module';
import { UserImportsRepository } from './user-imports.repository';
import { UserImportsRpc } from './user-imports.rpc';
import { UserImportsService } from './user-imports.service';
import { UserExportsService } from './user-exports.service';

@Module({
  imports: [UsersModule, AccountTreeModule],
  providers: [UserImportsRpc, UserImportsService, UserImportsRepository, UserExportsService],
})
export class UserImportsModule {}
