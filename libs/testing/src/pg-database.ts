import type { Pool, PoolClient } from 'pg';

interface RawSql {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * The slice of Prisma the shared libraries use (`Database` of `@onramp/persistence`), over plain
 * node-postgres: the same SQL against a real database, for libraries that have no Prisma client.
 */
export function pgDatabase(pool: Pool): RawSql & {
  $transaction<T>(work: (transaction: RawSql) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
} {
  const over = (client: Pool | PoolClient): RawSql => ({
    $executeRawUnsafe: async (query, ...values) =>
      (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
      (await client.query(query, values)).rows as T,
  });
  return {
    ...over(pool),
    $transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(over(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    $disconnect: () => pool.end(),
  };
}
