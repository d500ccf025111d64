import { requireCaller } from '@onramp/authz';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { accounts } from '@onramp/contracts';
import { RpcServer } from '@onramp/messaging';
import { cardMessage } from './card-message';
import { ChargingCardsService } from './charging-cards.service';

const methods = accounts.AccountsService.method;

/** The NATS face of charging cards. */
@Injectable()
export class ChargingCardsRpc implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly cards: ChargingCardsService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(methods.createChargingCard, async (request) => ({
      chargingCard: cardMessage(await this.cards.create(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.getChargingCard, async (request) => ({
      chargingCard: cardMessage(
        await this.cards.get(
          requireCaller(request.caller),
          request.accountId,
          request.chargingCardId,
          'charging_cards.read',
        ),
      ),
    }));
    this.rpc.handle(methods.listChargingCards, async (request) => {
      const { items, nextCursor } = await this.cards.list(requireCaller(request.caller), request);
      return { chargingCards: items.map(cardMessage), nextCursor };
    });
    this.rpc.handle(methods.updateChargingCard, async (request) => ({
      chargingCard: cardMessage(await this.cards.update(requireCaller(request.caller), request)),
    }));
    this.rpc.handle(methods.invalidateChargingCard, async (request) => ({
      chargingCard: cardMessage(
        await this.cards.invalidate(requireCaller(request.caller), request),
      ),
    }));
  }
}
