import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

type Settings = paths['/v1/accounts/{id}/registration-settings'];
export type RegistrationSettings = Settings['get']['responses'][200]['content']['application/json'];
export type RegistrationChange = Settings['put']['requestBody']['content']['application/json'];

const settingsKey = (accountId: string) => ['registration-settings', accountId];

export function useRegistrationSettings(accountId: string) {
  return useQuery({
    queryKey: settingsKey(accountId),
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/registration-settings', {
          params: { path: { id: accountId } },
        }),
      ),
  });
}

export function useSaveRegistrationSettings(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationChange) =>
      answered(
        api.PUT('/v1/accounts/{id}/registration-settings', {
          params: { path: { id: accountId } },
          body,
        }),
      ),
    onSuccess: (saved) => queries.setQueryData(settingsKey(accountId), saved),
  });
}
