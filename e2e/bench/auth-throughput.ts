/**
 * Login and authenticated-read throughput through the real path (gateway → NATS → identity →
 * Postgres), beside plain Fastify answering a constant on the same machine in the same run.
 * Run: npm run bench:auth -w e2e   (BENCH_SECONDS, BENCH_CONNECTIONS tune the load; loopback only)
 */
import { Api } from '../src/api';
import { BOOTSTRAP_ADMIN, Stack } from '../src/stack';
import { constantServer, measure, report, runBenchmark } from './measure';

/**
 * Password reset must not reveal whether an email exists, by status, body or time: measures the
 * answer time for a known and an unknown address, interleaved so both see the same conditions.
 */
async function resetTiming(gatewayUrl: string, rounds = 200): Promise<Record<string, number>> {
  const timeOf = async (email: string): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${gatewayUrl}/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    await response.arrayBuffer();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    known.push(await timeOf(BOOTSTRAP_ADMIN.email));
    unknown.push(await timeOf(`nobody-${round}@example.com`));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
  return {
    knownEmailMedianMs: Number(median(known).toFixed(3)),
    unknownEmailMedianMs: Number(median(unknown).toFixed(3)),
    ratio: Number((median(known) / median(unknown)).toFixed(3)),
  };
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

    report([baseline, me, login]);
    console.log('password reset answer time, known vs unknown email:');
    console.table([await resetTiming(stack.gatewayUrl)]);
  } finally {
    await stack.stop();
  }
}

runBenchmark(main);
