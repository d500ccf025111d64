import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** One page of a CSV answer and where the next one is. */
export interface CsvPage {
  csv: string;
  nextCursor?: string;
}

/**
 * Answers a CSV file page after page, asking for the next page only once the client took the
 * last (constant memory, whatever the size). The first page is asked before answering, so that
 * its refusal (404, 403) is an ordinary problem answer; a later page that fails aborts the
 * response, so a client never takes a cut-off file for a whole one.
 */
export async function sendCsv(
  reply: FastifyReply,
  fileName: string,
  pageAt: (cursor: string | undefined) => Promise<CsvPage>,
): Promise<void> {
  const first = await pageAt(undefined);
  const pages = async function* () {
    yield first.csv;
    for (let cursor = first.nextCursor; cursor !== undefined;) {
      const page = await pageAt(cursor);
      yield page.csv;
      cursor = page.nextCursor;
    }
  };
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(pages()));
}
