import type { SqlClient } from './database';

/** Model fields whose column schema.prisma names otherwise than in snake case (`@map`). */
export type RenamedFields = Readonly<Record<string, string>>;

/** A model's field as its column is named: snake case, unless schema.prisma maps it otherwise. */
function columnOf(field: string, renamed: RenamedFields): string {
  return renamed[field] ?? field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A column's model field: camel case, unless schema.prisma maps it otherwise. */
function fieldOf(column: string, renamed: ReadonlyMap<string, string>): string {
  return (
    renamed.get(column) ??
    column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
  );
}

/**
 * Inserts whole rows (every column given, as the model's fields) into a table (schema-qualified,
 * quoted) in one statement, in the order given. The rows travel as one JSON parameter: a
 * multi-row VALUES of a thousand rows would bind tens of thousands of parameters, and an ORM's
 * createMany plans such a statement more slowly than Postgres runs it. Dates and decimals go as
 * their JSON forms, which Postgres reads back exactly.
 */
export async function insertRows(
  client: SqlClient,
  table: string,
  rows: readonly object[],
  renamed: RenamedFields = {},
): Promise<void> {
  if (rows.length === 0) return;
  // Rows of one call share their fields: each column name is worked out once, not once a row.
  const columns = new Map<string, string>();
  const column = (field: string) => {
    const known = columns.get(field);
    if (known !== undefined) return known;
    const name = columnOf(field, renamed);
    columns.set(field, name);
    return name;
  };
  const records = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([field, value]) => [column(field), value as unknown]),
    ),
  );
  await client.$executeRawUnsafe(
    `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
    JSON.stringify(records),
  );
}

/**
 * Rows of a raw `SELECT *` as the model's objects (what the ORM's findMany would answer). Raw
 * reads take their keys as one array parameter (`= ANY($1)`), planned once whatever their count.
 */
export function modelRows<Model>(
  rows: readonly Record<string, unknown>[],
  renamed: RenamedFields = {},
): Model[] {
  const fields = new Map(Object.entries(renamed).map(([field, column]) => [column, field]));
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [fieldOf(column, fields), value]),
      ) as Model,
  );
}
