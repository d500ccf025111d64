import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { Api } from './api';
import { expectProblem } from './bad-input';
import { csvOf, download, importFile, upload } from './imports';
import { IMPORT_MAX_BYTES, Stack } from './stack';

const HEADER = ['externalId', 'name', 'type', 'contact.name', 'contact.phone'];

/** UTF-16 big endian: Node writes only little endian, so the byte pairs are swapped. */
function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    const first = bytes[at];
    bytes[at] = bytes[at + 1];
    bytes[at + 1] = first;
  }
  return bytes;
}

describe('hostile and unusual import files', () => {
  let stack: Stack;
  let admin: Api;
  const tag = () => randomUUID().slice(0, 8);
  const twoRows = (t: string) => [
    [`F-${t}-1`, `File One ${t}`, 'consumer', 'Anna', '0201234567'],
    [`F-${t}-2`, `File Two ${t}`, 'consumer', 'Bert', '0207654321'],
  ];
  const storedUploads = async (): Promise<number> => {
    const connection = await connect({ servers: stack.infrastructure.natsUrl });
    try {
      const bucket = await new Objm(jetstream(connection)).open('IMPORT_UPLOADS');
      return (await bucket.list()).length;
    } finally {
      await connection.close();
    }
  };

  beforeAll(async () => {
    stack = await Stack.start();
    admin = (await Api.of(stack).loginAsAdmin()).api;
  }, 180_000);
  afterAll(() => stack?.stop());

  it.each([
    ['UTF-8 with a BOM', (csv: string) => Buffer.from(`\uFEFF${csv}`, 'utf8'), 'utf-8'],
    ['UTF-16 LE with a BOM', (csv: string) => Buffer.from(`\uFEFF${csv}`, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE with a BOM', (csv: string) => utf16be(`\uFEFF${csv}`), 'utf-16be'],
  ])('reads %s', async (_name, encode, encoding) => {
    const t = tag();
    const job = await importFile(admin, encode(csvOf(HEADER, twoRows(t))), {
      kind: 'accounts',
      dryRun: true,
    });
    expect(job).toMatchObject({ status: 'ready', encoding, delimiter: ',' });
    expect(job.counts).toMatchObject({ total: 2, valid: 2, invalid: 0, created: 2 });
  });

  it.each([
    ['semicolons', ';', '\n'],
    ['tabs', '\t', '\n'],
    ['commas and CRLF', ',', '\r\n'],
  ])('reads cells separated by %s', async (_name, delimiter, newline) => {
    const t = tag();
    const text = [HEADER, ...twoRows(t)].map((row) => row.join(delimiter)).join(newline) + newline;
    const job = await importFile(admin, text, { kind: 'accounts', dryRun: true });
    expect(job).toMatchObject({ status: 'ready', delimiter });
    expect(job.counts).toMatchObject({ total: 2, valid: 2 });
  });

  it('keeps a quoted cell across lines as one cell of one row', async () => {
    const t = tag();
    const text = `${HEADER.join(',')}\nF-${t}-1,"Multi\nLine ${t}",consumer,"Anna\r\nde Vries",020\nF-${t}-2,Single ${t},consumer,Bert,020\n`;
    const job = await importFile(admin, text, { kind: 'accounts', dryRun: true });
    expect(job.status).toBe('ready');
    expect(job.counts.total).toBe(2);
  });

  it.each([
    ['an unknown column', `${HEADER.join(',')},colour\nx,Name,consumer,A,1,red\n`, 'colour'],
    ['a missing required column', 'externalId,type\nx,consumer\n', 'name'],
    ['an empty file', '', 'empty'],
    ['binary garbage', randomBytes(4096), 'UTF-8'],
  ])('fails a file with %s, naming the problem, and writes nothing', async (_name, file, named) => {
    const job = await importFile(admin, file, { kind: 'accounts' });
    expect(job.status).toBe('failed');
    expect(job.failure).toContain(named);
    expect(job.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('refuses a file over the size limit with 413 and keeps nothing of it', async () => {
    const before = await storedUploads();
    const line = 'F-x,Oversized,consumer,Anna,020\n';
    const file = `${HEADER.join(',')}\n${line.repeat(Math.ceil(IMPORT_MAX_BYTES / line.length) + 1)}`;
    const answer = await upload(admin, file, { kind: 'accounts' });
    expect(answer.status).toBe(413);
    expectProblem({ status: answer.status, headers: answer.headers }, 'oversized import');
    expect(await storedUploads()).toBe(before);
  });

  it('neutralises formulas in every exported cell, multi-line ones too, and imports them back as they were', async () => {
    const t = tag();
    // Text cells are trimmed on import, so leading tabs and CRs are the CSV writer's tests' part.
    const payloads = ['=1+2', '+31201234567', '-5', '@SUM(A1)', '=HYPERLINK("x")\nline'];
    const rows = payloads.map((payload, index) => [
      `X-${t}-${index}`,
      `Formula ${index} ${t}`,
      'consumer',
      payload,
      '',
    ]);
    const imported = await importFile(admin, csvOf(HEADER, rows), { kind: 'accounts' });
    expect(imported.counts).toMatchObject({ created: payloads.length, invalid: 0 });

    const exported = await download(admin, '/v1/exports/accounts.csv');
    expect(exported.status).toBe(200);
    for (const payload of payloads) {
      expect(exported.text).not.toMatch(new RegExp(`(^|,|")${escape(payload)}`, 'm'));
      expect(exported.text).toContain(`'${payload.replaceAll('"', '""')}`);
    }
    const again = await importFile(admin, exported.text, {
      kind: 'accounts',
      onConflict: 'update',
    });
    expect(again.counts).toMatchObject({ invalid: 0, created: 0, updated: 0 });
  });

  it('refuses 10,000 copies of one row as duplicates and would create it once', async () => {
    const t = tag();
    const row = [`DUP-${t}`, `Duplicate ${t}`, 'consumer', 'Anna', ''];
    const job = await importFile(
      admin,
      csvOf(
        HEADER,
        Array.from({ length: 10_000 }, () => row),
      ),
      { kind: 'accounts', dryRun: true },
    );
    expect(job.status).toBe('ready');
    expect(job.counts).toMatchObject({ total: 10_000, valid: 1, invalid: 9_999, created: 1 });
    const report = await download(admin, `/v1/imports/${job.id}/errors`);
    expect(report.text.trimEnd().split('\n')).toHaveLength(10_000);
    expect(report.text).toContain('line 2');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
