#!/usr/bin/env node
// Usage (from a service folder): check-migrations.js <service>. Exits 1 when schema.prisma changed
// without a migration.
const path = require('node:path');
const { checkMigrations } = require('../dist/tools/check-migrations');

const service = process.argv[2];
checkMigrations(path.resolve(__dirname, '../../..'), service).then(
  (differences) => {
    if (differences.length === 0) {
      process.stdout.write(`${service}: migrations match schema.prisma\n`);
      return;
    }
    process.stderr.write(
      `${service}: schema.prisma changed without a migration (npm run migration:new -w services/${service} -- <name>):\n  ${differences.join('\n  ')}\n`,
    );
    process.exit(1);
  },
  (error) => {
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(1);
  },
);
