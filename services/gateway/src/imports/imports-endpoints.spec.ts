import { connect, type NatsConnection } from '@nats-io/transport-node';
import { imports } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import { UploadStore } from '@onramp/messaging';
import { GatewayBed } from '../testing/gateway-bed';

const method = imports.ImportService.method;
const USER = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';
const MAX_BYTES = 64 * 1024;

async function storedText(store: UploadStore, name: string): Promise<string | undefined> {
  const content = await store.get(name);
  if (content === undefined) return undefined;
  const parts: Buffer[] = [];
  for await (const part of content) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('utf8');
}

describe('the import endpoints of the gateway', () => {
  let bed: GatewayBed;
  let connection: NatsConnection;
  let store: UploadStore;
  let created: imports.CreateImportRequest | undefined;

  beforeAll(async () => {
    bed = await GatewayBed.start({ IMPORT_MAX_BYTES: MAX_BYTES });
    await bed.fake.acceptTokens(USER, {
      'importer-token': { permissions: ['imports.manage', 'exports.read'], accountIds: ['a1'] },
      'reader-token': { permissions: ['users.read'], accountIds: ['a1'] },
    });
    await bed.fake.answer(method.createImport, (request) => {
      created = request;
      if (request.fileName === 'busy.csv')
        throw new DomainError('rate_limited', 'two imports run already', [], 30);
      return {
        job: {
          id: '7f0c2a1e-7f0c-4a1e-8f0c-2a1e7f0c2a1e',
          kind: request.kind,
          status: imports.ImportStatus.VALIDATING,
          onConflict: request.onConflict,
          dryRun: request.dryRun,
          sendInvitations: request.sendInvitations ?? true,
          fileName: request.fileName,
          sizeBytes: request.sizeBytes,
        },
      };
    });
    let page = 0;
    await bed.fake.answer(method.exportPage, ({ cursor }) => {
      page = cursor === undefined ? 1 : page + 1;
      return page < 3 ? { csv: `row ${page}\n`, nextCursor: `c${page}` } : { csv: 'row 3\n' };
    });
    connection = await connect({ servers: bed.natsUrl });
    store = new UploadStore(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await bed?.stop();
  });
  beforeEach(() => (created = undefined));

  const upload = (form: FormData, token = 'importer-token') =>
    fetch(`${bed.gateway.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  const formOf = (fields: Record<string, string>, file?: { text: string; name: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (file) form.set('file', new Blob([file.text]), file.name);
    return form;
  };

  it('streams the file into the object store and answers 202 with the job and its Location', async () => {
    const text = 'name,type\nFleet,consumer\n';
    const answer = await upload(formOf({ kind: 'accounts' }, { text, name: 'fleet.csv' }));
    expect(answer.status).toBe(202);
    expect(answer.headers.get('location')).toBe('/v1/imports/7f0c2a1e-7f0c-4a1e-8f0c-2a1e7f0c2a1e');
    expect(await answer.json()).toMatchObject({
      kind: 'accounts',
      status: 'validating',
      dryRun: false,
      onConflict: 'skip',
      sendInvitations: true,
      fileName: 'fleet.csv',
      sizeBytes: text.length,
      failure: null,
      estimatedSecondsLeft: null,
    });
    expect(created).toMatchObject({
      kind: imports.ImportKind.ACCOUNTS,
      dryRun: false,
      onConflict: 1,
      sendInvitations: true,
      sizeBytes: BigInt(text.length),
    });
    expect(await storedText(store, created!.objectName)).toBe(text);
  });

  it('refuses bad fields with one violation each, and keeps nothing of the file', async () => {
    const answer = await upload(
      formOf({ kind: 'contacts', dryRun: 'maybe' }, { text: 'a\n1\n', name: 'a.csv' }),
    );
    expect(answer.status).toBe(400);
    const problem = (await answer.json()) as { violations: { field: string }[] };
    expect(problem.violations.map((violation) => violation.field).sort()).toEqual([
      'dryRun',
      'kind',
    ]);
    expect(created).toBeUndefined();
  });

  it('refuses an upload without a file', async () => {
    const answer = await upload(formOf({ kind: 'users' }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      violations: [{ field: 'file', message: 'is required' }],
    });
  });

  it('answers 413 for a file over IMPORT_MAX_BYTES, without a job', async () => {
    const answer = await upload(
      formOf({ kind: 'accounts' }, { text: 'x'.repeat(MAX_BYTES + 1), name: 'big.csv' }),
    );
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(created).toBeUndefined();
  });

  it('passes the import service’s 429 on with Retry-After, and deletes the upload', async () => {
    const answer = await upload(formOf({ kind: 'accounts' }, { text: 'a\n', name: 'busy.csv' }));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(await storedText(store, created!.objectName)).toBeUndefined();
  });

  it('takes multipart only where a file is uploaded, and JSON there not at all', async () => {
    const json = await fetch(`${bed.gateway.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: 'Bearer importer-token', 'content-type': 'application/json' },
      body: '{"kind":"accounts"}',
    });
    expect(json.status).toBe(415);
    const multipartElsewhere = await fetch(`${bed.gateway.url}/v1/auth/login`, {
      method: 'POST',
      body: formOf({ email: 'a@b.test', password: 'x' }),
    });
    expect(multipartElsewhere.status).toBe(415);
  });

  it('refuses an upload without any body as a 400', async () => {
    const answer = await fetch(`${bed.gateway.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: 'Bearer importer-token' },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('needs imports.manage to upload', async () => {
    expect(
      (await upload(formOf({ kind: 'accounts' }, { text: 'a\n', name: 'a.csv' }), 'reader-token'))
        .status,
    ).toBe(403);
  });

  it('streams an export page after page, in order, as a CSV attachment', async () => {
    const answer = await fetch(`${bed.gateway.url}/v1/exports/accounts.csv`, {
      headers: { authorization: 'Bearer importer-token' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="accounts.csv"');
    expect(await answer.text()).toBe('row 1\nrow 2\nrow 3\n');
  });
});
