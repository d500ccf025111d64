import { Module } from '@nestjs/common';
import { AccountTreeModule } from '@onramp/account-tree';
import { CredentialsModule } from '../credentials/credentials.module';
import { SecurityReportRepository } from '../security-report/security-report.repository';
import { SecurityReportService } from '../security-report/security-report.service';
import { UserEvents } from './user-events';
import { UserLifecycleService } from './user-lifecycle.service';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { UsersRpc } from './users.rpc';
import { UsersService } from './users.service';

@Module({
  imports: [CredentialsModule, AccountTreeModule],
  providers: [
    UsersRpc,
    UsersService,
    UserLifecycleService,
    UserEvents,
    UserLookup,
    UsersRepository,
    SecurityReportService,
    SecurityReportRepository,
  ],
  exports: [UsersService, UserLookup, UsersRepository, UserEvents],
})
export class UsersModule {}
