import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { InvitedAccountsConsumer } from './invited-accounts.consumer';
import { InvitedAccountsService } from './invited-accounts.service';

@Module({
  imports: [AccountsModule],
  providers: [InvitedAccountsConsumer, InvitedAccountsService],
})
export class InvitedAccountsModule {}
