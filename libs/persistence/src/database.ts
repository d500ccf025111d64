/**
 * The part of a Prisma client that shared code needs. Each service has its own generated client
 * (its own schema); the outbox, the inbox and readiness work with any of them through this.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface Database extends SqlClient {
  $transaction<T>(work: (transaction: SqlClient) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
}
