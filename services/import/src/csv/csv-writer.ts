import { stringify } from 'csv-stringify/sync';
import { neutralise } from './cells';

/** CSV text of whole rows (CRLF-free, "\n" ends every row), every cell neutralised. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) => row.map(neutralise)),
    { record_delimiter: '\n', quoted_match: /[\r\n]/ },
  );
}
