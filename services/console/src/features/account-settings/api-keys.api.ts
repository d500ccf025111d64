import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type ApiKey =
  paths['/v1/api-keys']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewApiKey = paths['/v1/api-keys']['post']['requestBody']['content']['application/json'];
export type KeyPermission = NewApiKey['permissions'][number];

export const apiKeysKey = (accountId: string) => ['api-keys', accountId];

/** The API lists keys across the caller's accounts; the panel asks for this account's only. */
export function useApiKeys(accountId: string) {
  return useQuery({
    queryKey: apiKeysKey(accountId),
    queryFn: () => answered(api.GET('/v1/api-keys', { params: { query: { accountId } } })),
  });
}

export function useCreateApiKey(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<NewApiKey, 'accountId'>) =>
      answered(api.POST('/v1/api-keys', { body: { ...body, accountId } })),
    // The answer holds the key's secret: nothing keeps it once the dialog resets the mutation.
    gcTime: 0,
    onSuccess: () => queries.invalidateQueries({ queryKey: apiKeysKey(accountId) }),
  });
}

export const revokeApiKey = (id: string) =>
  answered(api.DELETE('/v1/api-keys/{id}', { params: { path: { id } } }));
