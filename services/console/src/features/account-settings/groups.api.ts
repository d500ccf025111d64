import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import type { ListPage } from '../../ui/list-params';

type CostCenterPage =
  paths['/v1/accounts/{id}/cost-centers']['get']['responses'][200]['content']['application/json'];
type UserGroupPage =
  paths['/v1/accounts/{id}/user-groups']['get']['responses'][200]['content']['application/json'];
export type UserGroup = UserGroupPage['items'][number];

/** What the cost center and user group panels need alike. */
export interface NamedItem {
  id: string;
  name: string;
  createdAt: string | null;
}

export interface NewGroup {
  name: string;
  stationIds: string[];
  stationGroupIds: string[];
}

/** An account's named groups (cost centers or user groups), and what may be done to them. */
export interface Groups<Item extends NamedItem> {
  key: QueryKey;
  list: UseQueryResult<{ items: Item[]; nextCursor: string | null }>;
  create: UseMutationResult<unknown, Error, NewGroup>;
  rename: (id: string, name: string) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
}

export function useCostCenters(accountId: string, page: ListPage): Groups<NamedItem> {
  const key = ['cost-centers', accountId];
  const queries = useQueryClient();
  const path = { id: accountId };
  return {
    key,
    list: useQuery({
      queryKey: [...key, page],
      placeholderData: keepPreviousData,
      queryFn: (): Promise<CostCenterPage> =>
        answered(
          api.GET('/v1/accounts/{id}/cost-centers', { params: { path, query: { ...page } } }),
        ),
    }),
    create: useMutation({
      // A cost center is a name only; the stations of the shared form are for user groups.
      mutationFn: ({ name }: NewGroup) =>
        answered(api.POST('/v1/accounts/{id}/cost-centers', { params: { path }, body: { name } })),
      onSuccess: () => queries.invalidateQueries({ queryKey: key }),
    }),
    rename: (costCenterId, name) =>
      answered(
        api.PATCH('/v1/accounts/{id}/cost-centers/{costCenterId}', {
          params: { path: { ...path, costCenterId } },
          body: { name },
        }),
      ),
    remove: (costCenterId) =>
      answered(
        api.DELETE('/v1/accounts/{id}/cost-centers/{costCenterId}', {
          params: { path: { ...path, costCenterId } },
        }),
      ),
  };
}

export function useUserGroups(accountId: string, page: ListPage): Groups<UserGroup> {
  const key = ['user-groups', accountId];
  const queries = useQueryClient();
  const path = { id: accountId };
  return {
    key,
    list: useQuery({
      queryKey: [...key, page],
      placeholderData: keepPreviousData,
      queryFn: (): Promise<UserGroupPage> =>
        answered(
          api.GET('/v1/accounts/{id}/user-groups', { params: { path, query: { ...page } } }),
        ),
    }),
    create: useMutation({
      mutationFn: (body: NewGroup) =>
        answered(api.POST('/v1/accounts/{id}/user-groups', { params: { path }, body })),
      onSuccess: () => queries.invalidateQueries({ queryKey: key }),
    }),
    rename: (userGroupId, name) =>
      answered(
        api.PATCH('/v1/accounts/{id}/user-groups/{userGroupId}', {
          params: { path: { ...path, userGroupId } },
          body: { name },
        }),
      ),
    remove: (userGroupId) =>
      answered(
        api.DELETE('/v1/accounts/{id}/user-groups/{userGroupId}', {
          params: { path: { ...path, userGroupId } },
        }),
      ),
  };
}
