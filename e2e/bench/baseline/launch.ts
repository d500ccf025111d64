import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { createDatabase, freePort, startServiceProcess } from '@onramp/testing';
import { newTokenKeys, signAccessToken, type TokenAlgorithm } from './tokens';

export interface Baseline {
  url: string;
  /** A bearer token of a live session of an active user, as the load sends it. */
  accessToken: string;
  /** An active account invitations may be created in. */
  accountId: string;
  stop(): Promise<void>;
}

/** Its tables, one active user with a live session, and one account. */
async function prepareDatabase(databaseUrl: string) {
  const ids = { userId: randomUUID(), sessionId: randomUUID(), accountId: randomUUID() };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(await readFile(path.join(__dirname, 'schema.sql'), 'utf8'));
    await client.query(
      `INSERT INTO baseline.users (id, email, name, status, roles, activated_at)
       VALUES ($1, 'admin@baseline.test', 'Baseline Admin', 'active', '{platform_admin}', now())`,
      [ids.userId],
    );
    await client.query(
      `INSERT INTO baseline.sessions (id, user_id, expires_at)
       VALUES ($1, $2, now() + interval '1 day')`,
      [ids.sessionId, ids.userId],
    );
    await client.query(`INSERT INTO baseline.accounts (id, name) VALUES ($1, 'Load Fleet')`, [
      ids.accountId,
    ]);
  } finally {
    await client.end();
  }
  return ids;
}

/**
 * Starts the baseline server as its own process, on a database of its own on `postgresUrl`'s
 * server (the stack's), verifying tokens signed with `algorithm` (the one identity signs with).
 */
export async function startBaseline(options: {
  postgresUrl: string;
  smtpUrl: string;
  algorithm?: TokenAlgorithm;
}): Promise<Baseline> {
  const databaseUrl = await createDatabase(options.postgresUrl, 'baseline');
  const ids = await prepareDatabase(databaseUrl);
  const keys = await newTokenKeys(options.algorithm ?? 'HS256');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServiceProcess({
    name: 'baseline',
    script: path.join(__dirname, 'server.ts'),
    env: {
      // The server is TypeScript run as it is, like the benchmarks themselves.
      NODE_OPTIONS: `--import ${pathToFileURL(require.resolve('tsx')).href}`,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SMTP_URL: options.smtpUrl,
      JWT_ALGORITHM: keys.algorithm,
      JWT_VERIFYING_KEY: JSON.stringify(keys.verifyingKey),
    },
    readyUrl: `${url}/health/ready`,
  });
  return {
    url,
    accessToken: await signAccessToken(keys, ids),
    accountId: ids.accountId,
    stop: async () => {
      await server.stop('SIGTERM');
    },
  };
}
