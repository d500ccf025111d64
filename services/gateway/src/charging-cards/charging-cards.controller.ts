import { Body, Controller, Param, Query } from '@nestjs/common';
import { accounts, type common } from '@onramp/contracts';
import { RpcClient } from '@onramp/messaging';
import { CurrentCaller } from '../auth/caller-context';
import { idParams } from '../http/common.schemas';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from '../http/zod.pipes';
import {
  toChargingCardJson,
  toCreateChargingCardRequest,
  toUpdateChargingCardRequest,
} from '../mappers/accounts.mappers';
import { answered } from '../mappers/proto-values';
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
    @Query(new ZodQueryPipe(listChargingCardsQuery)) { q, ...filters }: ListChargingCardsQuery,
  ): Promise<ChargingCardPageResponse> {
    const page = await this.rpc.call(method.listChargingCards, {
      ...filters,
      query: q,
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
    return toChargingCardJson(answered('accounts', chargingCard, 'a charging card'));
  }

  // The path's account goes along on every call naming a card: the accounts service authorises
  // the caller on it and answers "not_found" for a card of any other account.
  @Endpoint(api.get)
  async get(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, cardId }: ChargingCardParams,
  ): Promise<ChargingCardResponse> {
    const { chargingCard } = await this.rpc.call(method.getChargingCard, {
      caller,
      accountId: id,
      chargingCardId: cardId,
    });
    return toChargingCardJson(answered('accounts', chargingCard, 'a charging card'));
  }

  @Endpoint(api.update)
  async update(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, cardId }: ChargingCardParams,
    @Body(new ZodBodyPipe(updateChargingCardBody)) body: UpdateChargingCardBody,
  ): Promise<ChargingCardResponse> {
    const { chargingCard } = await this.rpc.call(method.updateChargingCard, {
      ...toUpdateChargingCardRequest(body),
      caller,
      accountId: id,
      chargingCardId: cardId,
    });
    return toChargingCardJson(answered('accounts', chargingCard, 'a charging card'));
  }

  /** Cards are never deleted: DELETE invalidates the card and answers it, now valid: false. */
  @Endpoint(api.invalidate)
  async invalidate(
    @CurrentCaller() caller: common.Caller,
    @Param(params) { id, cardId }: ChargingCardParams,
  ): Promise<ChargingCardResponse> {
    const { chargingCard } = await this.rpc.call(method.invalidateChargingCard, {
      caller,
      accountId: id,
      chargingCardId: cardId,
    });
    return toChargingCardJson(answered('accounts', chargingCard, 'a charging card'));
  }
}
