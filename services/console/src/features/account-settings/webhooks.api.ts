import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type Webhook =
  paths['/v1/webhooks']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewWebhook =
  paths['/v1/webhooks']['post']['requestBody']['content']['application/json'];

export const webhooksKey = (accountId: string) => ['webhooks', accountId];

export function useWebhooks(accountId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [...webhooksKey(accountId), cursor],
    placeholderData: keepPreviousData,
    queryFn: () => answered(api.GET('/v1/webhooks', { params: { query: { accountId, cursor } } })),
  });
}

export function useEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    staleTime: Infinity,
    queryFn: () => answered(api.GET('/v1/webhooks/event-types')),
  });
}

export function useCreateWebhook(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<NewWebhook, 'accountId'>) =>
      answered(api.POST('/v1/webhooks', { body: { ...body, accountId } })),
    // The answer holds the signing secret: nothing keeps it once the dialog resets the mutation.
    gcTime: 0,
    onSuccess: () => queries.invalidateQueries({ queryKey: webhooksKey(accountId) }),
  });
}

export const enableWebhook = (id: string) =>
  answered(api.POST('/v1/webhooks/{id}/enable', { params: { path: { id } } }));

export const deleteWebhook = (id: string) =>
  answered(api.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }));

export function useWebhookDeliveries(webhookId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['webhook-deliveries', webhookId, cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/webhooks/{id}/deliveries', {
          params: { path: { id: webhookId }, query: { cursor } },
        }),
      ),
  });
}
