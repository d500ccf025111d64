import type { FieldViolation } from '@onramp/errors';
import { FileProblem } from '../csv/csv-reader';
import type { CellValue, Column, ParsedRow } from './column';

/**
 * The columns an errors report adds to the file's own: an import of that report takes them and
 * ignores them, so that the corrected report is uploaded as it is.
 */
export const REPORT_HEADERS = ['error.line', 'error.column', 'error.message'] as const;

/** Where each known column sits in one file's header, checked once for the whole file. */
export class FileLayout {
  private constructor(
    private readonly columns: readonly Column<CellValue>[],
    private readonly positions: ReadonlyMap<string, number>,
  ) {}

  static of(columns: readonly Column<CellValue>[], header: readonly string[]): FileLayout {
    const known = new Set<string>([...columns.map((column) => column.header), ...REPORT_HEADERS]);
    const unknown = header.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new FileProblem(
        `unknown column${unknown.length > 1 ? 's' : ''} ${quoted(unknown)}; the template lists the columns an import takes`,
      );
    const repeated = header.filter((name, index) => header.indexOf(name) !== index);
    if (repeated.length > 0) throw new FileProblem(`column ${quoted(repeated)} appears twice`);
    const missing = columns
      .filter((column) => column.required && !header.includes(column.header))
      .map((column) => column.header);
    if (missing.length > 0)
      throw new FileProblem(
        `missing required column${missing.length > 1 ? 's' : ''} ${quoted(missing)}`,
      );
    return new FileLayout(columns, new Map(header.map((name, index) => [name, index])));
  }

  /** The row's values by header (absent columns read as empty cells) and its problems. */
  read(cells: readonly string[]): { values: ParsedRow; violations: FieldViolation[] } {
    const values: Record<string, CellValue> = {};
    const violations: FieldViolation[] = [];
    if (cells.length > this.positions.size)
      violations.push({
        field: '',
        message: `has ${cells.length} cells, the header ${this.positions.size}`,
      });
    for (const column of this.columns) {
      const position = this.positions.get(column.header);
      const parsed = column.parse(position === undefined ? '' : (cells[position] ?? ''));
      if (parsed.problem === undefined) values[column.header] = parsed.value;
      else violations.push({ field: column.header, message: parsed.problem });
    }
    return { values, violations };
  }
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name.slice(0, 60)}"`).join(', ');
}

/** The template of a kind: the header row and one example row. */
export function templateRows(columns: readonly Column<CellValue>[]): string[][] {
  return [columns.map((column) => column.header), columns.map((column) => column.example)];
}
