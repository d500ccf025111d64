/**
 * Login and authenticated-read throughput through the real path (gateway → NATS → identity →
 * Postgres), beside plain Fastify answering a constant on the same machine in the same run.
 * Run: npm run bench:auth -w e2e   (BENCH_SECONDS, BENCH_CONNECTIONS tune the load; loopback only)
 */
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Api } from '../src/api';
import { BOOTSTRAP_ADMIN, Stack } from '../src/stack';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 16);

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: seconds, connections, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function constantServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/', () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

async function main(): Promise<void> {
  const baselineServer = await constantServer();
  const baseline = await measure('plain Fastify, constant JSON', { url: baselineServer.url });
  await baselineServer.close();

  const stack = await Stack.start(['identity', 'gateway']);
  try {
    const { tokens } = await Api.of(stack).loginAsAdmin();
    const me = await measure('GET /v1/me (bearer JWT)', {
      url: `${stack.gatewayUrl}/v1/me`,
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    const login = await measure('POST /v1/auth/login (argon2id)', {
      url: `${stack.gatewayUrl}/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BOOTSTRAP_ADMIN.email, password: BOOTSTRAP_ADMIN.password }),
    });

    const rows = [baseline, me, login].map((figures) => ({
      ...figures,
      ratioToBaseline: (figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(4),
    }));
    console.log(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `${seconds} s per run, ${connections} connections`,
    );
    console.table(rows);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
