import { Module } from '@nestjs/common';
import { AccountMembersModule } from '../account-members/account-members.module';
import { AccountsModule } from '../accounts/accounts.module';
import { ChargingCardsRepository } from './charging-cards.repository';
import { ChargingCardsRpc } from './charging-cards.rpc';
import { ChargingCardsService } from './charging-cards.service';

@Module({
  imports: [AccountsModule, AccountMembersModule],
  providers: [ChargingCardsRpc, ChargingCardsService, ChargingCardsRepository],
})
export class ChargingCardsModule {}
