import type { Api } from './api';
import { eventually } from './stack';

/** An import job as the gateway answers it. */
export interface ImportJob {
  id: string;
  kind: 'accounts' | 'users';
  status: 'validating' | 'ready' | 'applying' | 'completed' | 'failed' | 'cancelled';
  dryRun: boolean;
  onConflict: 'skip' | 'update' | 'fail';
  counts: {
    total: number;
    valid: number;
    invalid: number;
    created: number;
    updated: number;
    skipped: number;
    failed: number;
  };
  percentDone: number;
  failure: string | null;
  encoding: string;
  delimiter: string;
}

export interface ImportOptions {
  kind: 'accounts' | 'users';
  dryRun?: boolean;
  onConflict?: 'skip' | 'update' | 'fail';
  sendInvitations?: boolean;
  fileName?: string;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** A CSV file of these rows under this header, each cell quoted when it needs to be. */
export function csvOf(header: string[], rows: string[][], newline = '\n'): string {
  const cell = (value: string) =>
    /[",\n\r;\t]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return [header, ...rows].map((row) => row.map(cell).join(',')).join(newline) + newline;
}

/** Uploads a file as a partner would: multipart/form-data with the file and the options. */
export async function upload(
  api: Api,
  file: string | Uint8Array,
  options: ImportOptions,
): Promise<RawAnswer> {
  const form = new FormData();
  form.set('kind', options.kind);
  if (options.dryRun !== undefined) form.set('dryRun', String(options.dryRun));
  if (options.onConflict !== undefined) form.set('onConflict', options.onConflict);
  if (options.sendInvitations !== undefined)
    form.set('sendInvitations', String(options.sendInvitations));
  form.set('file', new Blob([file]), options.fileName ?? `${options.kind}.csv`);
  return api.raw('POST', '/v1/imports', form);
}

/** Uploads a file and waits until its job has finished its current step. */
export async function importFile(
  api: Api,
  file: string | Uint8Array,
  options: ImportOptions,
  until: ImportJob['status'][] = ['ready', 'completed', 'failed', 'cancelled'],
): Promise<ImportJob> {
  const answer = await upload(api, file, options);
  if (answer.status !== 202) throw new Error(`upload answered ${answer.status}: ${answer.text}`);
  const job = JSON.parse(answer.text) as ImportJob;
  return waitForJob(api, job.id, until);
}

export async function waitForJob(
  api: Api,
  id: string,
  until: ImportJob['status'][] = ['ready', 'completed', 'failed', 'cancelled'],
  timeoutMs = 60_000,
): Promise<ImportJob> {
  let job: ImportJob | undefined;
  await eventually(
    `import ${id} to be ${until.join(' or ')}`,
    async () => {
      const answer = await api.get<ImportJob>(`/v1/imports/${id}`);
      if (answer.status !== 200) throw new Error(`GET /v1/imports/${id} answered ${answer.status}`);
      job = answer.body;
      return until.includes(job.status);
    },
    timeoutMs,
  );
  return job!;
}

/** A CSV download (template, errors report, export): the answer's text as it came. */
export async function download(api: Api, path: string): Promise<RawAnswer> {
  return api.raw('GET', path);
}
