/**
 * Invitations created per second through the gateway (each: authentication, the account and the
 * inviter looked up, the email readiness asked, one transaction with the outbox) and the time from
 * the create request to the email in the local SMTP sink at that load (median, p99); beside the
 * baseline of plain Fastify answering a constant on this machine in the same run.
 * Run: npm run bench:invitations -w e2e   (BENCH_SECONDS, BENCH_CONNECTIONS; loopback only)
 */
import { recipientsOf } from '@onramp/testing';
import { Api } from '../src/api';
import { Stack } from '../src/stack';
import { constantServer, measure, report, runBenchmark, type Figures } from './measure';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 16);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/** `connections` loops creating invitations for `seconds`; each email awaited from its request. */
async function createInvitations(stack: Stack, admin: Api, accountId: string) {
  const deadline = Date.now() + seconds * 1000;
  const toEmail: Promise<number>[] = [];
  const requestMs: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const email = `bench${(next += 1)}@load.test`;
      const started = performance.now();
      const response = await admin.post('/v1/invitations', { kind: 'account', email, accountId });
      requestMs.push(performance.now() - started);
      if (response.status !== 201) {
        failures += 1;
        continue;
      }
      toEmail.push(
        stack.mailbox
          .waitFor((message) => recipientsOf(message).includes(email), 300_000)
          .then(() => performance.now() - started),
      );
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - began) / 1000;
  const latencies = (await Promise.all(toEmail)).sort((a, b) => a - b);
  const requests = [...requestMs].sort((a, b) => a - b);
  return { created: toEmail.length, failures, elapsed, latencies, requests };
}

runBenchmark(async () => {
  const baseline = await constantServer();
  const runs: Figures[] = [];
  try {
    runs.push(await measure('plain Fastify, constant JSON', { url: baseline.url }));
  } finally {
    await baseline.close();
  }
  const stack = await Stack.start([
    'identity',
    'accounts',
    'invitations',
    'notifications',
    'gateway',
  ]);
  try {
    const admin = (await Api.of(stack).loginAsAdmin()).api;
    const account = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Load Fleet',
      type: 'consumer',
    });
    const result = await createInvitations(stack, admin, account.body.id);
    runs.push({
      name: 'POST /v1/invitations (created → 201)',
      requestsPerSecond: Math.round(result.created / result.elapsed),
      p50Ms: Math.round(percentile(result.requests, 0.5)),
      p99Ms: Math.round(percentile(result.requests, 0.99)),
      non2xx: result.failures,
    });
    report(runs, `; ${result.created} invitations`);
    console.log(
      `create request → email in the sink: median ${Math.round(percentile(result.latencies, 0.5))} ms, ` +
        `p99 ${Math.round(percentile(result.latencies, 0.99))} ms, max ${Math.round(result.latencies.at(-1) ?? 0)} ms`,
    );
  } finally {
    await stack.stop();
  }
});
