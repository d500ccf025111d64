import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type JoiningCode =
  paths['/v1/accounts/{id}/joining-codes']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewJoiningCode = NonNullable<
  paths['/v1/accounts/{id}/joining-codes']['post']['requestBody']
>['content']['application/json'];
export type AccountRole = NonNullable<NewJoiningCode['role']>;

export const joiningCodesKey = (accountId: string) => ['joining-codes', accountId];

export function useJoiningCodes(accountId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: [...joiningCodesKey(accountId), cursor],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/joining-codes', {
          params: { path: { id: accountId }, query: { cursor } },
        }),
      ),
  });
}

export function useCreateJoiningCode(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewJoiningCode) =>
      answered(
        api.POST('/v1/accounts/{id}/joining-codes', { params: { path: { id: accountId } }, body }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: joiningCodesKey(accountId) }),
  });
}

export const rotateJoiningCode = (id: string) =>
  answered(api.POST('/v1/joining-codes/{id}/rotate', { params: { path: { id } } }));

export const revokeJoiningCode = (id: string) =>
  answered(api.POST('/v1/joining-codes/{id}/revoke', { params: { path: { id } } }));
