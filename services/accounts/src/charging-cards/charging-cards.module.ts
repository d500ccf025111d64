import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { DriversModule } from '../drivers/drivers.module';
import { ChargingCardsRepository } from './charging-cards.repository';
import { ChargingCardsRpc } from './charging-cards.rpc';
import { ChargingCardsService } from './charging-cards.service';

@Module({
  imports: [AccountsModule, DriversModule],
  providers: [ChargingCardsRpc, ChargingCardsService, ChargingCardsRepository],
})
export class ChargingCardsModule {}
