import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import {
  answered,
  toChargingCardJson,
  toCreateChargingCardRequest,
  toUpdateChargingCardRequest,
} from '../mappers/accounts.mappers';
import { Endpoint } from '../openapi/operation';
import { chargingCardsOperations as api } from './charging-cards.operations';
import {
  chargingCardParams,
  createChargingCardBody,
  listChargingCardsQuery,
  updateChargingCardBody,
  type ChargingCardPageResponse,
  type ChargingCardParams,
  type ChargingCardResponse,
  type CreateChargingCardBody,
  type ListChargingCardsQuery,
  type UpdateChargingCardBody,
} from './charging-cards.schemas';

const accountId = new ZodParamsPipe(idParams);
const params = new ZodParamsPipe(chargingCardParams);
const method = accounts.AccountsService.method;

@Controller()
export class ChargingCardsController {
  constructor(private readonly rpc: RpcClient) {}

  @Endpoint(api.list)
  async list(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Query(new ZodQueryPipe(listChargingCardsQuery)) query: ListChargingCardsQuery,
  ): Promise<ChargingCardPageResponse> {
    const page = await this.rpc.call(method.listChargingCards, {
      ...query,
      caller,
      accountId: id,
    });
    return {
      items: page.chargingCards.map(toChargingCardJson),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Endpoint(api.create)
  async create(
    @CurrentCaller() caller: common.Caller,
    @Param(accountId) { id }: { id: string },
    @Body(new ZodBodyPipe(createChargingCardBody)) body: CreateChargingCardBody,
  ): Promise<ChargingCardResponse> {
    const { chargingCard } = await this.rpc.call(method.createChargingCard, {
      ...toCreateChargingCardRequest(body),
      caller,
      accountId: id,
    });
    return toChargingCardJson(answered(chargingCard, 'a charging card'));
  }

  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(params) path: ChargingCardParams,
  ): Promise<ChargingCardResponse> {
    return toChargingCardJson(await this.cardOfAccount(caller, path));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) path: ChargingCardParams,
    @Body(new ZodBodyPipe(updateChargingCardBody)) body: UpdateChargingCardBody,
  ): Promise<ChargingCardResponse> {
    await this.cardOfAccount(caller, path);
    const { chargingCard } = await this.rpc.call(method.updateChargingCard, {
      ...toUpdateChargingCardRequest(body),
      caller,
      chargingCardId: path.cardId,
    });
    return toChargingCardJson(answered(chargingCard, 'a charging card'));
  }

  /** Cards are never deleted: DELETE invalidates the card and answers it, now valid: false. */
  @Endpoint(api.invalidate)
  async invalidate(
    @CurrentCaller() caller: common.Caller,
    @Param(params) path: ChargingCardParams,
  ): Promise<ChargingCardResponse> {
    await this.cardOfAccount(caller, path);
    const { chargingCard } = await this.rpc.call(method.invalidateChargingCard, {
      caller,
      chargingCardId: path.cardId,
    });
    return toChargingCardJson(answered(chargingCard, 'a charging card'));
  }

  /**
   * The contract names a card by its id alone; a card never changes account, so reading it first
   * keeps /v1/accounts/{id}/charging-cards/{cardId} from reaching another account's card.
   */
  private async cardOfAccount(
    caller: common.Caller,
    { id, cardId }: ChargingCardParams,
  ): Promise<accounts.ChargingCard> {
    const { chargingCard } = await this.rpc.call(method.getChargingCard, {
      caller,
      chargingCardId: cardId,
    });
    const card = answered(chargingCard, 'a charging card');
    if (card.accountId !== id) {
      throw new DomainError('not_found', 'the charging card does not exist in this account');
    }
    return card;
  }
}
