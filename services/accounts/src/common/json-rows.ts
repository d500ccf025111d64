import { Prisma } from '../generated/prisma/client';

type Transaction = Prisma.TransactionClient;

/** A model's field as its column is named: snake case, unless schema.prisma maps it otherwise. */
function column(field: string, renamed: Readonly<Record<string, string>>): string {
  return renamed[field] ?? field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Inserts whole rows (every column given) into a table of the accounts schema in one statement,
 * the rows travelling as one JSON parameter: a multi-row VALUES of a thousand rows would bind
 * tens of thousands of parameters. Rows are inserted in the order given.
 */
export async function insertRows(
  transaction: Transaction,
  table: string,
  rows: object[],
  renamed: Readonly<Record<string, string>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([field, value]) => [
        column(field, renamed),
        value instanceof Prisma.Decimal ? value.toString() : (value as unknown),
      ]),
    ),
  );
  const target = Prisma.raw(`"accounts"."${table}"`);
  await transaction.$executeRaw`
    INSERT INTO ${target}
    SELECT * FROM json_populate_recordset(NULL::${target}, ${JSON.stringify(records)}::json)`;
}
