import { idParams } from '../http/common.schemas';
import type { Operation } from '../openapi/operation';
import {
  chargingCardPageResponse,
  chargingCardParams,
  chargingCardResponse,
  createChargingCardBody,
  listChargingCardsQuery,
  updateChargingCardBody,
} from './charging-cards.schemas';

const tag = 'Charging cards';
const theCard = { description: 'The charging card', schema: chargingCardResponse } as const;

// No coarse permission: the accounts service decides, and answers 404 for invisible accounts.
export const chargingCardsOperations = {
  list: {
    method: 'get',
    path: '/v1/accounts/{id}/charging-cards',
    operationId: 'listChargingCards',
    summary: "List an account's charging cards",
    tag,
    access: { public: false },
    params: idParams,
    query: listChargingCardsQuery,
    success: {
      status: 200,
      description: 'A page of charging cards',
      schema: chargingCardPageResponse,
    },
    problems: [404],
  },
  create: {
    method: 'post',
    path: '/v1/accounts/{id}/charging-cards',
    operationId: 'createChargingCard',
    summary: 'Register a charging card (an OCPI token) with an account',
    tag,
    access: { public: false },
    params: idParams,
    body: createChargingCardBody,
    success: { status: 201, ...theCard },
    problems: [404, 409],
  },
  get: {
    method: 'get',
    path: '/v1/accounts/{id}/charging-cards/{cardId}',
    operationId: 'getChargingCard',
    summary: 'Get a charging card',
    tag,
    access: { public: false },
    params: chargingCardParams,
    success: { status: 200, ...theCard },
    problems: [404],
  },
  update: {
    method: 'patch',
    path: '/v1/accounts/{id}/charging-cards/{cardId}',
    operationId: 'updateChargingCard',
    summary: 'Change a charging card, or assign it to a driver (null unassigns it)',
    tag,
    access: { public: false },
    params: chargingCardParams,
    body: updateChargingCardBody,
    success: { status: 200, ...theCard },
    problems: [404],
  },
  invalidate: {
    method: 'delete',
    path: '/v1/accounts/{id}/charging-cards/{cardId}',
    operationId: 'invalidateChargingCard',
    summary: 'Invalidate a charging card; cards are never deleted and stay readable',
    tag,
    access: { public: false },
    params: chargingCardParams,
    success: {
      status: 200,
      description: 'The card, now valid: false',
      schema: chargingCardResponse,
    },
    problems: [404],
  },
} satisfies Record<string, Operation>;
