import { Module } from '@nestjs/common';
import { AccountMembersConsumer } from './account-members.consumer';
import { AccountMembersRepository } from './account-members.repository';

@Module({ providers: [AccountMembersConsumer, AccountMembersRepository] })
export class AccountMembersModule {}
