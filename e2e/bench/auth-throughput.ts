/**
 * Authenticated-read throughput through the real path (gateway → NATS → identity → Postgres)
 * beside the bare baseline (one Fastify process on the same Postgres doing the same work, see
 * baseline/), alternated in the same run; then login throughput and password-reset timing.
 * Run: npm run bench:auth -w e2e   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS; loopback only)
 */
import { Api } from '../src/api';
import { BOOTSTRAP_ADMIN, Stack } from '../src/stack';
import { startBaseline, type Baseline } from './baseline/launch';
import { tokenAlgorithmOf } from './baseline/tokens';
import { alternate, machineCeiling, printComparisons, throughput } from './comparison';
import { measure, runBenchmark } from './measure';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

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
  const ceiling = await machineCeiling();
  const stack = await Stack.start(['identity', 'gateway']);
  let baseline: Baseline | undefined;
  try {
    const { tokens } = await Api.of(stack).loginAsAdmin();
    const bare = (baseline = await startBaseline({
      postgresUrl: stack.infrastructure.postgresUrl,
      smtpUrl: stack.mailbox.url,
      algorithm: tokenAlgorithmOf(tokens.accessToken),
    }));
    const me = await alternate('GET /me (JWT, live session and active user, user returned)', {
      baseline: () =>
        throughput('baseline GET /me', {
          url: `${bare.url}/me`,
          headers: bearer(bare.accessToken),
        }),
      onramp: () =>
        throughput('GET /v1/me', {
          url: `${stack.gatewayUrl}/v1/me`,
          headers: bearer(tokens.accessToken),
        }),
    });
    printComparisons([me], { ceiling });

    const login = await measure('POST /v1/auth/login (argon2id)', {
      url: `${stack.gatewayUrl}/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BOOTSTRAP_ADMIN.email, password: BOOTSTRAP_ADMIN.password }),
    });
    console.log('login (no baseline: its cost is the password hash, by design):');
    console.table([login]);
    console.log('password reset answer time, known vs unknown email:');
    console.table([await resetTiming(stack.gatewayUrl)]);
  } finally {
    await baseline?.stop();
    await stack.stop();
  }
}

runBenchmark(main);
