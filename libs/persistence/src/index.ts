export { applyMigrations, type MigrationOptions } from './migrator';
export { runMigrateCommand } from './migrate-command';
export { createPgAdapter, DATABASE_CONNECT_TIMEOUT_MS } from './pg-adapter';
export { DATABASE, PersistenceModule, type PersistenceOptions } from './persistence.module';
export type { Database, SqlClient } from './database';
export { quoteIdentifier } from './identifiers';
export { insertRows, modelRows, type RenamedFields } from './json-rows';
export { decodeCursor, encodeCursor, page, pageLimit } from './paging';
export { isRecordMissing, isUniqueViolation } from './errors';
export { databaseUnavailableError, isDatabaseUnavailable } from './database-unavailable';
export {
  decodeNewestFirst,
  NEWEST_FIRST,
  newestFirstPage,
  olderThan,
  type NewestFirstKey,
} from './newest-first';
export { containsText, likeLiteral, searchText } from './search';
