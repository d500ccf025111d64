import { Module } from '@nestjs/common';
import { AccountLineagesConsumer } from './account-lineages.consumer';
import { AccountLineagesRepository } from './account-lineages.repository';

@Module({
  providers: [AccountLineagesConsumer, AccountLineagesRepository],
  exports: [AccountLineagesRepository],
})
export class AccountLineagesModule {}
