import { applyMigrations } from './migrator';

/**
 * The body of each service's `migrate` command (used by tests, the local stack and the Helm
 * migration Job alike): reads DATABASE_URL, applies pending migrations, exits non-zero on failure.
 */
export function runMigrateCommand(schema: string, migrationsDir: string): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') {
    process.stderr.write(`${schema} migrate: invalid configuration: DATABASE_URL is required\n`);
    process.exit(1);
  }
  applyMigrations({
    databaseUrl,
    schema,
    migrationsDir,
    log: (message) => process.stdout.write(`${schema}: ${message}\n`),
  })
    .then((applied) => {
      process.stdout.write(
        `${schema}: schema is up to date (${applied.length} migration(s) applied now)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `${schema} migrate: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    });
}
