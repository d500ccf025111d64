/**
 * Whether a failed login tells by its time that an email has a user: interleaved failed logins
 * for a known email, an unknown one and a second unknown one (the control), compared with a
 * two-sided Mann-Whitney U test. Exits non-zero when known and unknown differ at p < 0.01.
 * Run: npm run bench:login-timing -w e2e   (LOGIN_TIMING_SAMPLES per email, default 1000;
 * loopback only)
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mannWhitneyU, median } from '@onramp/testing';
import { Api } from '../src/api';
import { Stack } from '../src/stack';
import { runBenchmark } from './measure';

const samples = Number(process.env['LOGIN_TIMING_SAMPLES'] ?? 1000);
const warmUpRounds = 50;
const significance = 0.01;
const password = 'Timing-Passw0rd-42!';
const emails = {
  known: 'known-driver@timing.test',
  unknown: 'nobody@timing.test',
  control: 'nobody-else@timing.test',
} as const;
type Kind = keyof typeof emails;

async function main(): Promise<void> {
  const stack = await Stack.start([]);
  try {
    await stack.migrate('identity');
    // The back-off after failed logins for one email stays on, its free failures only raised
    // above the run's count: every attempt then goes the whole way, for every email alike.
    await stack.startService('identity', { LOGIN_FREE_FAILURES: String(samples * 10) });
    await stack.startService('gateway');
    const admin = (await Api.of(stack).loginAsAdmin()).api;
    const created = await admin.post('/v1/users', {
      email: emails.known,
      name: 'Known Driver',
      password,
      memberships: [{ accountIds: [randomUUID()], roles: ['driver'] }],
    });
    if (created.status !== 201)
      throw new Error(`the known user was not created: ${created.status}`);

    const timeOf = async (email: string): Promise<number> => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${stack.gatewayUrl}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Wrong-Passw0rd-42!' }),
      });
      await response.arrayBuffer();
      if (response.status !== 401) throw new Error(`a failed login answered ${response.status}`);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const times: Record<Kind, number[]> = { known: [], unknown: [], control: [] };
    for (let round = 0; round < warmUpRounds + samples; round += 1) {
      // Each round in a fresh random order, so drift and order weigh on all three alike.
      for (const kind of shuffled(Object.keys(emails) as Kind[])) {
        const milliseconds = await timeOf(emails[kind]);
        if (round >= warmUpRounds) times[kind].push(milliseconds);
      }
    }

    const knownVsUnknown = mannWhitneyU(times.known, times.unknown);
    const control = mannWhitneyU(times.unknown, times.control);
    console.log(`failed logins, ${samples} interleaved samples per email:`);
    console.table(
      Object.fromEntries(
        (Object.keys(emails) as Kind[]).map((kind) => [
          kind,
          { samples: times[kind].length, medianMs: Number(median(times[kind]).toFixed(3)) },
        ]),
      ),
    );
    console.table({
      'known vs unknown': { z: knownVsUnknown.z.toFixed(3), p: knownVsUnknown.p.toPrecision(3) },
      'unknown vs unknown (control)': { z: control.z.toFixed(3), p: control.p.toPrecision(3) },
    });
    if (knownVsUnknown.p < significance) {
      throw new Error(
        `a known email's failed login is distinguishable by time (p = ${knownVsUnknown.p.toPrecision(3)} < ${significance})`,
      );
    }
  } finally {
    await stack.stop();
  }
}

function shuffled<Item>(items: readonly Item[]): Item[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

runBenchmark(main);
