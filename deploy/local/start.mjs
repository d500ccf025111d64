// `npm start`: the whole Onramp stack on this machine. Uses DATABASE_URL / NATS_URL when set;
// otherwise runs embedded Postgres and a local nats-server with data kept in .onramp/ (a restart
// keeps it). Applies migrations, starts every service as its own process, waits until each is
// ready, prints where things are, and stops everything cleanly on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import testing from '../../libs/testing/dist/index.js';

const { freePort, startEmbeddedPostgres, startNatsServer, startServiceProcess } = testing;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = path.join(root, '.onramp');
const services = ['identity', 'accounts', 'invitations', 'notifications', 'import'];
const stoppers = [];

async function provideDatabase() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(stateDir, 'postgres', 'data'),
  });
  stoppers.push(() => postgres.stop());
  return postgres.url;
}

async function provideNats() {
  if (process.env.NATS_URL) return process.env.NATS_URL;
  const nats = await startNatsServer({ storeDir: path.join(stateDir, 'nats') });
  stoppers.push(() => nats.stop());
  return nats.url;
}

async function main() {
  mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
  const [databaseUrl, natsUrl] = await Promise.all([provideDatabase(), provideNats()]);
  for (const service of services) {
    execFileSync(process.execPath, [path.join(root, 'services', service, 'dist', 'migrate.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
  }
  const common = {
    NATS_URL: natsUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const gatewayPort = Number(process.env.PORT ?? 8080);
  const started = [];
  for (const service of [...services, 'gateway']) {
    const port = service === 'gateway' ? gatewayPort : await freePort();
    const env = { ...common, PORT: String(port) };
    if (service !== 'gateway') env.DATABASE_URL = databaseUrl;
    if (service === 'identity') {
      for (const name of ['ONRAMP_ADMIN_EMAIL', 'ONRAMP_ADMIN_PASSWORD'])
        if (process.env[name]) env[name] = process.env[name];
    }
    const child = await startServiceProcess({
      name: service,
      script: path.join(root, 'services', service, 'dist', 'main.js'),
      env,
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
      logFile: path.join(stateDir, 'logs', `${service}.log`),
    });
    started.push(child);
    console.log(`  ${service.padEnd(14)} ready on http://127.0.0.1:${port}`);
  }
  stoppers.unshift(() => Promise.all(started.map((child) => child.stop('SIGTERM'))));
  const api = `http://127.0.0.1:${gatewayPort}`;
  console.log(
    `\nOnramp is up.\n  API:     ${api}/v1\n  Docs:    ${api}/docs\n  Health:  ${api}/health/ready\n  Logs:    ${path.join(stateDir, 'logs')}\nPress Ctrl-C to stop.`,
  );
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping Onramp…');
  for (const stopper of stoppers) await stopper().catch((error) => console.error(error.message));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch((error) => {
  console.error(`onramp: ${error.message}`);
  void stop(1);
});
