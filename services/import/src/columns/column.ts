/** What a cell holds once parsed: text, a yes/no, or a list. */
export type CellValue = string | boolean | readonly string[];

/** A parsed row: each column's value by its header. */
export type ParsedRow = Readonly<Record<string, CellValue>>;

export type CellResult<Value extends CellValue> =
  { value: Value; problem?: undefined } | { problem: string; value?: undefined };

/**
 * One column of an import file, the only definition of it: the header, whether files must have
 * it, the template's example, how an import reads a cell and how an export writes the value.
 */
export interface Column<Value extends CellValue = CellValue> {
  header: string;
  required: boolean;
  example: string;
  parse(cell: string): CellResult<Value>;
  format(value: Value): string;
}

const ok = <Value extends CellValue>(value: Value): CellResult<Value> => ({ value });
const problem = (text: string): CellResult<never> => ({ problem: text });

interface TextOptions {
  required?: boolean;
  example?: string;
  maxLength?: number;
  /** Values the cell may take besides empty; checked exactly (case matters). */
  oneOf?: readonly string[];
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

/** Free text (trimmed). Required means a file must have the column and every row a value. */
export function textColumn(header: string, options: TextOptions = {}): Column<string> {
  const { required = false, example = '', maxLength = 200, oneOf } = options;
  return {
    header,
    required,
    example,
    parse(cell) {
      const value = cell.trim();
      if (value === '') return required ? problem('is required') : ok('');
      if (value.length > maxLength) return problem(`is longer than ${maxLength} characters`);
      if (oneOf !== undefined && !oneOf.includes(value))
        return problem(`must be empty or one of ${quoted(oneOf)}`);
      return ok(value);
    },
    format: (value) => value,
  };
}

/** `true` or `false`; empty is false; anything else is a row error. */
export function booleanColumn(header: string, example = 'false'): Column<boolean> {
  return {
    header,
    required: false,
    example,
    parse(cell) {
      const value = cell.trim();
      if (value === '' || value === 'false') return ok(false);
      if (value === 'true') return ok(true);
      return problem('must be "true" or "false" (empty means false)');
    },
    format: (value) => String(value),
  };
}

interface ListOptions {
  example?: string;
  maxItems?: number;
  /** Checks one item; answers the problem, or undefined when it is fine. */
  item?: (item: string) => string | undefined;
}

/** A comma-separated list; spaces around items and empty items are dropped. */
export function listColumn(header: string, options: ListOptions = {}): Column<readonly string[]> {
  const { example = '', maxItems = 100, item } = options;
  return {
    header,
    required: false,
    example,
    parse(cell) {
      const items = cell
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');
      if (items.length > maxItems) return problem(`has more than ${maxItems} items`);
      for (const entry of items) {
        const itemProblem = item?.(entry);
        if (itemProblem !== undefined) return problem(`"${entry.slice(0, 60)}" ${itemProblem}`);
      }
      return ok(items);
    },
    format: (value) => value.join(','),
  };
}

/** A column the import takes and ignores (written by exports for people to read). */
export function ignoredColumn(header: string, example = ''): Column<string> {
  return { header, required: false, example, parse: () => ok(''), format: (value) => value };
}

/**
 * The previous system's gender rule: "female" when the cell is exactly `female`, every other
 * value "male". An empty cell gives none, so that a contact exported without one imports back
 * the same.
 */
export function genderColumn(header: string): Column<string> {
  return {
    header,
    required: false,
    example: 'female',
    parse: (cell) => ok(cell === '' ? '' : cell === 'female' ? 'female' : 'male'),
    format: (value) => value,
  };
}

/**
 * The previous system's language rule for users: `nl` when the cell is exactly `nl`; Onramp's
 * other languages `de` and `fr` are kept; every other value `en`.
 */
export function userLanguageColumn(header: string): Column<string> {
  return {
    header,
    required: false,
    example: 'nl',
    parse: (cell) => ok(cell === 'nl' || cell === 'de' || cell === 'fr' ? cell : 'en'),
    format: (value) => value,
  };
}

/** `migrated` is a boolean column: "true", "false", empty = false. */
export const migratedColumn = (): Column<boolean> => booleanColumn('migrated', 'false');

/** A typed accessor for a parsed row's values (the columns module guarantees the shapes). */
export const valuesOf = (row: ParsedRow) => ({
  text: (header: string): string => {
    const value = row[header];
    return typeof value === 'string' ? value : '';
  },
  flag: (header: string): boolean => row[header] === true,
  list: (header: string): readonly string[] => {
    const value = row[header];
    return Array.isArray(value) ? (value as readonly string[]) : [];
  },
});
