#!/usr/bin/env node
// Usage (from a service folder): new-migration.js <service> <snake_case_name>
const path = require('node:path');
const { newMigration } = require('../dist/tools/new-migration');

const [service, name] = process.argv.slice(2);
newMigration(path.resolve(__dirname, '../../..'), service, name ?? '').then(
  (folder) =>
    process.stdout.write(
      folder === undefined
        ? `${service}: schema.prisma has no changes to migrate\n`
        : `${service}: wrote ${folder}\n`,
    ),
  (error) => {
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(1);
  },
);
