import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { saveFile } from '../../api/download';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type ImportJob =
  paths['/v1/imports/{id}']['get']['responses'][200]['content']['application/json'];
export type UploadForm =
  paths['/v1/imports']['post']['requestBody']['content']['multipart/form-data'];
export type RowOutcome = NonNullable<
  NonNullable<paths['/v1/imports/{id}/rows']['get']['parameters']['query']>['outcome']
>;
export type ImportKind = ImportJob['kind'];

/** Statuses whose figures still change: the job is read again every second meanwhile. */
const RUNNING: readonly ImportJob['status'][] = ['validating', 'applying'];

export function isRunning(job: ImportJob): boolean {
  return RUNNING.includes(job.status);
}

export function useImports(cursor: string | undefined) {
  return useQuery({
    queryKey: ['imports', 'list', cursor],
    placeholderData: keepPreviousData,
    queryFn: () => answered(api.GET('/v1/imports', { params: { query: { cursor } } })),
    refetchInterval: (query) => ((query.state.data?.items ?? []).some(isRunning) ? 2_000 : false),
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => answered(api.GET('/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data !== undefined && isRunning(query.state.data) ? 1_000 : false,
  });
}

export function useImportRows(
  id: string,
  outcome: RowOutcome | undefined,
  cursor: string | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['imports', id, 'rows', outcome, cursor],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/imports/{id}/rows', {
          params: { path: { id }, query: { outcome, cursor, limit: 50 } },
        }),
      ),
  });
}

export function useUpload() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (form: UploadForm) =>
      answered(
        api.POST('/v1/imports', {
          body: form,
          bodySerializer: ({ file, ...fields }) => {
            const data = new FormData();
            // The fields before the file: the gateway reads them first, as the file streams.
            for (const [name, value] of Object.entries(fields))
              if (value !== undefined) data.append(name, value);
            data.append('file', file);
            return data;
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

export function useJobActions(id: string) {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['imports'] });
  const path = { params: { path: { id } } };
  return {
    apply: useMutation({
      mutationFn: () => answered(api.POST('/v1/imports/{id}/apply', path)),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: () => answered(api.POST('/v1/imports/{id}/cancel', path)),
      onSuccess: refresh,
    }),
  };
}

/** The CSV downloads: a job's errors, a kind's template, and the exports. */
export const downloads = {
  async errors(job: ImportJob) {
    const blob = await answered(
      api.GET('/v1/imports/{id}/errors', { params: { path: { id: job.id } }, parseAs: 'blob' }),
    );
    saveFile(blob, `errors-${job.fileName}`);
  },
  async template(kind: ImportKind) {
    const blob = await answered(
      api.GET('/v1/imports/templates/{kind}.csv', { params: { path: { kind } }, parseAs: 'blob' }),
    );
    saveFile(blob, `${kind}-template.csv`);
  },
  async accounts() {
    saveFile(
      await answered(api.GET('/v1/exports/accounts.csv', { parseAs: 'blob' })),
      'accounts.csv',
    );
  },
  async users() {
    saveFile(await answered(api.GET('/v1/exports/users.csv', { parseAs: 'blob' })), 'users.csv');
  },
};
