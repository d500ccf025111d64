import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { restore } from './cells';

/** A file that cannot be read as CSV at all: the job fails with this message. */
export class FileProblem extends Error {}

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
const DELIMITERS = [',', ';', '\t'] as const;

export interface CsvFile {
  encoding: CsvEncoding;
  delimiter: string;
  /** The header row, trimmed. */
  header: string[];
  /** The data rows; `line` counts rows of the file, the header being line 1. */
  rows: AsyncIterable<{ line: number; cells: string[] }>;
}

function encodingOf(start: Buffer): { encoding: CsvEncoding; bomLength: number } {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Text of the bytes, refusing what is no text: invalid UTF-8 or UTF-16, or NUL characters. */
async function* decoded(
  bytes: AsyncIterator<Uint8Array>,
  first: Buffer,
  encoding: CsvEncoding,
): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const text = (chunk: Uint8Array, stream: boolean): string => {
    let part: string;
    try {
      part = decoder.decode(chunk, { stream });
    } catch {
      throw new FileProblem('the file is not UTF-8 or UTF-16 text (a CSV file is)');
    }
    if (part.includes('\0'))
      throw new FileProblem('the file holds NUL characters: it is not UTF-8 or UTF-16 text');
    return part;
  };
  yield text(first, true);
  for (let next = await bytes.next(); next.done !== true; next = await bytes.next())
    yield text(next.value, true);
  yield text(new Uint8Array(), false);
}

/** The delimiter the header line uses most: ",", ";" or tab. */
function delimiterOf(headerLine: string): string {
  const counts = DELIMITERS.map((delimiter) => headerLine.split(delimiter).length);
  return DELIMITERS[counts.indexOf(Math.max(...counts))];
}

/**
 * Reads a CSV file as it streams in: the encoding from its byte order mark (UTF-8 without one),
 * the delimiter from its header line, quoted cells across lines, CRLF or LF.
 */
export async function readCsv(source: AsyncIterable<Uint8Array>): Promise<CsvFile> {
  const bytes = source[Symbol.asyncIterator]();
  let start = Buffer.alloc(0);
  while (start.length < 4) {
    const next = await bytes.next();
    if (next.done === true) break;
    start = Buffer.concat([start, next.value]);
  }
  const { encoding, bomLength } = encodingOf(start);
  const text = decoded(bytes, start.subarray(bomLength), encoding)[Symbol.asyncIterator]();

  // Text up to the end of the header line decides the delimiter; it is parsed with the rest.
  let head = '';
  while (!head.includes('\n')) {
    const next = await text.next();
    if (next.done === true) break;
    head += next.value;
  }
  if (head.trim() === '') throw new FileProblem('the file is empty');
  const delimiter = delimiterOf(head.split('\n')[0]);

  const textStream = Readable.from(
    (async function* () {
      yield head;
      for (let next = await text.next(); next.done !== true; next = await text.next())
        yield next.value;
    })(),
  );
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true });
  // pipe() does not pass errors on: a file found to be no text must end the parsing too.
  textStream.on('error', (error: Error) => parser.destroy(error));
  textStream.pipe(parser);
  const records = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();

  const first = await nextRecord(records);
  if (first === undefined) throw new FileProblem('the file is empty');
  return {
    encoding,
    delimiter,
    header: first.map((cell) => cell.trim()),
    rows: (async function* () {
      let line = 1;
      for (let record = await nextRecord(records); record; record = await nextRecord(records)) {
        line += 1;
        yield { line, cells: record.map(restore) };
      }
    })(),
  };
}

async function nextRecord(records: AsyncIterator<string[]>): Promise<string[] | undefined> {
  try {
    const next = await records.next();
    return next.done === true ? undefined : next.value;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(`the file is not valid CSV: ${(error as Error).message}`);
  }
}
