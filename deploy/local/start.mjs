// `npm start`: the whole Onramp stack on this machine. Uses DATABASE_URL / NATS_URL when set;
// otherwise runs embedded Postgres and a local nats-server with data kept in .onramp/ (a restart
// keeps it). Applies migrations, starts every service as its own process, waits until each is
// ready, prints where things are, and stops everything cleanly on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import testing from '../../libs/testing/dist/index.js';

const {
  freePort,
  onKeptPort,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
  startSmtpSink,
} = testing;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = path.join(root, '.onramp');
const services = ['identity', 'accounts', 'invitations', 'notifications', 'import'];
const stoppers = [];

// The README's variables may also live in .env beside the checkout; the environment wins.
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

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

/**
 * Secrets of this local installation, generated once and kept in .onramp/secrets.json (mode 600):
 * the token signing key, the first admin's credentials, the key that encrypts secrets saved
 * through the API (email provider, webhook signing secrets) and the key that seals link tokens in
 * events, unless the environment provides them.
 * A secret added in a later version is added to an existing file.
 */
function localSecrets() {
  const file = path.join(stateDir, 'secrets.json');
  const generated = {
    JWT_SIGNING_KEYS: `local-1:${randomBytes(32).toString('base64url')}`,
    ONRAMP_ADMIN_EMAIL: 'admin@onramp.local',
    ONRAMP_ADMIN_PASSWORD: `Local-${randomBytes(12).toString('base64url')}-1!`,
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    EVENT_TOKEN_KEY: randomBytes(32).toString('base64url'),
  };
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const stored = { ...generated, ...existing };
  if (Object.keys(stored).length !== Object.keys(existing).length)
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  for (const name of Object.keys(stored)) if (process.env[name]) stored[name] = process.env[name];
  return { file, ...stored };
}

/**
 * A local mail catcher: notifications sends real SMTP to it, and each email is written to
 * .onramp/mail as a text file, unless EMAIL_PROVIDER / SMTP_URL point elsewhere.
 */
async function provideMail() {
  if (process.env.EMAIL_PROVIDER) return { env: {} };
  const mailDir = path.join(stateDir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  // Its port is kept, so that an SMTP provider saved with its address still reaches it.
  const { server: sink, movedFrom } = await onKeptPort(
    path.join(stateDir, 'mail-catcher-port'),
    (port) => startSmtpSink({ port, onMessage: emailWriter(mailDir) }),
  );
  if (movedFrom !== undefined)
    console.log(`  mail catcher: port ${movedFrom} was taken; it moved to ${sink.url}`);
  stoppers.push(() => sink.stop());
  return {
    env: { EMAIL_PROVIDER: 'smtp', SMTP_URL: sink.url },
    where: `${mailDir} (SMTP ${sink.url})`,
  };
}

/** Writes each email the catcher receives to the mail folder as a text file. */
function emailWriter(mailDir) {
  return (message) => {
    const file = `${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
    const to = [message.to ?? []]
      .flat()
      .map((address) => address.text)
      .join(', ');
    writeFileSync(
      path.join(mailDir, file),
      `To: ${to}\nSubject: ${message.subject ?? ''}\n\n${message.text ?? ''}`,
    );
  };
}

/**
 * A service's environment: the local defaults, under this process's whole environment (every
 * variable of the README, set or from .env: a service reads its own and ignores the others),
 * under what npm start decides for each process (where it listens, which database and NATS).
 */
function serviceEnvironment(service, local) {
  const { port, gatewayUrl, databaseUrl, natsUrl, secrets, mail } = local;
  const defaults = { HOST: '127.0.0.1' };
  // Links in emails and in invitation answers point at this gateway.
  if (service === 'notifications' || service === 'invitations') defaults.PUBLIC_URL = gatewayUrl;
  // Reset and invitation links travel sealed from identity and invitations to notifications.
  if (['identity', 'invitations', 'notifications'].includes(service))
    defaults.EVENT_TOKEN_KEY = secrets.EVENT_TOKEN_KEY;
  if (service === 'identity') {
    for (const name of ['JWT_SIGNING_KEYS', 'ONRAMP_ADMIN_EMAIL', 'ONRAMP_ADMIN_PASSWORD'])
      defaults[name] = secrets[name];
  }
  if (service === 'notifications') {
    defaults.SETTINGS_ENCRYPTION_KEY = secrets.SETTINGS_ENCRYPTION_KEY;
    // Partner webhooks may point at receivers on this machine.
    defaults.WEBHOOK_ALLOW_HTTP = 'true';
    defaults.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS = 'true';
  }
  const decided = { PORT: String(port), NATS_URL: natsUrl };
  if (service !== 'gateway') decided.DATABASE_URL = databaseUrl;
  if (service === 'notifications') Object.assign(decided, mail.env);
  return { ...defaults, ...process.env, ...decided };
}

async function main() {
  mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
  const secrets = localSecrets();
  const mail = await provideMail();
  const [databaseUrl, natsUrl] = await Promise.all([provideDatabase(), provideNats()]);
  for (const service of services) {
    execFileSync(process.execPath, [path.join(root, 'services', service, 'dist', 'migrate.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
  }
  const gatewayPort = Number(process.env.PORT ?? 8080);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const started = [];
  for (const service of [...services, 'gateway']) {
    const port = service === 'gateway' ? gatewayPort : await freePort();
    const local = { port, gatewayUrl, databaseUrl, natsUrl, secrets, mail };
    const child = await startServiceProcess({
      name: service,
      script: path.join(root, 'services', service, 'dist', 'main.js'),
      env: serviceEnvironment(service, local),
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
      logFile: path.join(stateDir, 'logs', `${service}.log`),
    });
    started.push(child);
    console.log(`  ${service.padEnd(14)} ready on http://127.0.0.1:${port}`);
  }
  stoppers.unshift(() => Promise.all(started.map((child) => child.stop('SIGTERM'))));
  // A URL the user set stays in their environment (it may hold a password): their shell expands it.
  const deadLetters = `DATABASE_URL=${process.env.DATABASE_URL ? '$DATABASE_URL' : databaseUrl} NATS_URL=${process.env.NATS_URL ? '$NATS_URL' : natsUrl} npm run dead-letters -w services/<service> -- list`;
  console.log(
    `\nOnramp is up.\n  Console: ${gatewayUrl}/console\n  API:     ${gatewayUrl}/v1\n  Docs:    ${gatewayUrl}/docs\n  Health:  ${gatewayUrl}/health/ready\n  Admin:   ${secrets.ONRAMP_ADMIN_EMAIL} (password in ${secrets.file}; used when no user exists yet)${mail.where ? `\n  Mail:    ${mail.where}` : ''}\n  Logs:    ${path.join(stateDir, 'logs')}\n  Dead letters: ${deadLetters}\nPress Ctrl-C to stop.`,
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
