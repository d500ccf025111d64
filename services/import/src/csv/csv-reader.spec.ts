import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { FileProblem, readCsv } from './csv-reader';
import { csvRows } from './csv-writer';

/** The bytes as a stream of small chunks, so that characters and BOMs are cut across chunks. */
function streamOf(bytes: Buffer): AsyncIterable<Uint8Array> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 3) chunks.push(bytes.subarray(at, at + 3));
  return Readable.from(chunks);
}

async function read(bytes: Buffer) {
  const file = await readCsv(streamOf(bytes));
  const rows: { line: number; cells: string[] }[] = [];
  for await (const row of file.rows) rows.push(row);
  return { encoding: file.encoding, delimiter: file.delimiter, header: file.header, rows };
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let at = 0; at + 1 < bytes.length; at += 2)
    [bytes[at], bytes[at + 1]] = [bytes[at + 1], bytes[at]];
  return bytes;
}

const CSV = 'name,city\nZoë,Amsterdam\n"Multi\r\nline, quoted",Köln\n';
const ROWS = [
  { line: 2, cells: ['Zoë', 'Amsterdam'] },
  { line: 3, cells: ['Multi\r\nline, quoted', 'Köln'] },
];

describe('readCsv', () => {
  it.each([
    ['UTF-8 without a BOM', Buffer.from(CSV), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${CSV}`), 'utf-8'],
    ['UTF-16 LE with a BOM', Buffer.from(`\uFEFF${CSV}`, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16be(`\uFEFF${CSV}`), 'utf-16be'],
  ])('reads %s', async (_name, bytes, encoding) => {
    expect(await read(bytes)).toEqual({
      encoding,
      delimiter: ',',
      header: ['name', 'city'],
      rows: ROWS,
    });
  });

  it.each([
    [';', 'name;city\r\nZoë;Amsterdam\r\n'],
    ['\t', 'name\tcity\nZoë\tAmsterdam\n'],
  ])('finds the delimiter %j from the header line', async (delimiter, text) => {
    const file = await read(Buffer.from(text));
    expect(file).toMatchObject({ delimiter, header: ['name', 'city'] });
    expect(file.rows).toEqual([{ line: 2, cells: ['Zoë', 'Amsterdam'] }]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    ['a file of blank lines', Buffer.from('\n\n  \n'), 'the file is empty'],
    ['binary garbage', randomBytes(2048), 'not UTF-8 or UTF-16 text'],
    ['NUL characters', Buffer.from('name\nA\0B\n'), 'NUL'],
  ])('refuses %s as a file problem', async (_name, bytes, message) => {
    const reading = read(bytes);
    await expect(reading).rejects.toBeInstanceOf(FileProblem);
    await expect(reading).rejects.toThrow(message);
  });

  it('refuses a quote that is never closed, naming it', async () => {
    await expect(read(Buffer.from('name\n"open\n'))).rejects.toThrow('not valid CSV');
  });

  it('takes the neutralising quote of an export off again, and only that', async () => {
    const exported = csvRows([
      ['name'],
      ['=1+2'],
      ['@SUM(A1)'],
      ['\tTab'],
      ['\rReturn'],
      ['+31201234567'],
      ['-5'],
      ["'quoted on purpose"],
      ['=multi\nline'],
    ]);
    expect(exported).toBe(
      "name\n'=1+2\n'@SUM(A1)\n'\tTab\n\"'\rReturn\"\n'+31201234567\n'-5\n'quoted on purpose\n\"'=multi\nline\"\n",
    );
    expect((await read(Buffer.from(exported))).rows.map((row) => row.cells[0])).toEqual([
      '=1+2',
      '@SUM(A1)',
      '\tTab',
      '\rReturn',
      '+31201234567',
      '-5',
      "'quoted on purpose",
      '=multi\nline',
    ]);
  });
});
