import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import type { ListPage } from '../../ui/list-params';

type Cards = paths['/v1/accounts/{id}/charging-cards'];
export type ChargingCard =
  Cards['get']['responses'][200]['content']['application/json']['items'][number];
export type NewChargingCard = Cards['post']['requestBody']['content']['application/json'];

export const chargingCardsKey = (accountId: string) => ['charging-cards', accountId];

export function useChargingCards(accountId: string, page: ListPage) {
  return useQuery({
    queryKey: [...chargingCardsKey(accountId), page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/charging-cards', {
          params: { path: { id: accountId }, query: { q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

export function useAddChargingCard(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChargingCard) =>
      answered(
        api.POST('/v1/accounts/{id}/charging-cards', { params: { path: { id: accountId } }, body }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: chargingCardsKey(accountId) }),
  });
}

/** The API never deletes a card: it invalidates it, and the card stays listed. */
export const invalidateChargingCard = (accountId: string, cardId: string) =>
  answered(
    api.DELETE('/v1/accounts/{id}/charging-cards/{cardId}', {
      params: { path: { id: accountId, cardId } },
    }),
  );
